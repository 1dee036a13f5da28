#!/usr/bin/env node
// Part of `npm run build`: the built-in knowledge entries, parsed and validated by the same schema as at run time,
// written to dist/knowledge.json so commands skip the YAML and schema work. The loader uses the copy only while its
// fingerprint matches knowledge/*.md byte for byte, so an edited entry is never answered from a stale copy.
import { writeFile } from 'node:fs/promises';
import { COMPILED_KNOWLEDGE_PATH, compileKnowledge } from '../dist/adapters/knowledge-files/index.js';

const compiled = await compileKnowledge();
if (!compiled.ok) {
  console.error(`compile-knowledge: ${compiled.error}`);
  process.exit(2);
}
await writeFile(COMPILED_KNOWLEDGE_PATH, `${JSON.stringify(compiled.value)}\n`);
