import { loadKnowledgeBase } from '../adapters/knowledge-files/index.js';
import { readConfig } from '../config/index.js';
import type { KnowledgeBase } from '../core/knowledge/index.js';
import { write, type CliIo } from './cli-io.js';

/** The knowledge base with the site's entries from QLIK_KB_DIR; on failure says why on stderr and returns undefined. */
export async function readKnowledge(io: CliIo, command: string): Promise<KnowledgeBase | undefined> {
  const config = readConfig(io.env, { cwd: io.cwd });
  if (!config.ok) {
    await write(io.stderr, `qlik-sessions ${command}: ${config.errors.join('\n')}\n`);
    return undefined;
  }
  const loaded = await loadKnowledgeBase({ siteDir: config.config.qlik.kbDir });
  if (!loaded.ok) {
    await write(io.stderr, `qlik-sessions ${command}: ${loaded.error}\nFix the entry (or unset QLIK_KB_DIR) and try again.\n`);
    return undefined;
  }
  return loaded.knowledge;
}
