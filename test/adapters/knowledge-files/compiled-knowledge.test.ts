import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  COMPILED_KNOWLEDGE_PATH,
  compileKnowledge,
  loadKnowledgeBase,
} from '../../../src/adapters/knowledge-files/index.js';
import {
  BUILT_IN_KNOWLEDGE_DIR,
  type CompiledKnowledge,
} from '../../../src/adapters/knowledge-files/load-knowledge-base.js';

describe('the compiled built-in knowledge (dist/knowledge.json)', () => {
  let dir: string;
  let builtInDir: string;
  let compiledPath: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'qlik-kb-compiled-'));
    builtInDir = join(dir, 'knowledge');
    compiledPath = join(dir, 'knowledge.json');
    await cp(BUILT_IN_KNOWLEDGE_DIR, builtInDir, { recursive: true });
    const compiled = await compileKnowledge(builtInDir);
    if (!compiled.ok) throw new Error(compiled.error);
    await writeFile(compiledPath, JSON.stringify(compiled.value));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('is never read from the TypeScript sources, so tests always parse knowledge/', () => {
    expect(COMPILED_KNOWLEDGE_PATH).not.toMatch(/[\\/]dist[\\/]/);
  });

  it('gives the same entries as parsing the files', async () => {
    const fromCompiled = await loadKnowledgeBase({ builtInDir, compiledPath });
    const parsed = await loadKnowledgeBase({ builtInDir, compiledPath: join(dir, 'missing.json') });
    if (!fromCompiled.ok || !parsed.ok) throw new Error('not loaded');
    expect(fromCompiled.knowledge.entries).toEqual(parsed.knowledge.entries);
    expect(fromCompiled.knowledge.match('too many sessions active in parallel').matches).toEqual(
      parsed.knowledge.match('too many sessions active in parallel').matches,
    );
  });

  it('ships the matcher index, and it gives the same matches and explanations as indexing at run time', async () => {
    const fromCompiled = await loadKnowledgeBase({ builtInDir, compiledPath });
    const parsed = await loadKnowledgeBase({ builtInDir, compiledPath: join(dir, 'missing.json') });
    if (!fromCompiled.ok || !parsed.ok) throw new Error('not loaded');
    const messages = [
      'Users get "You cannot access Qlik Sense because you have too many sessions active in parallel" since this morning',
      'the monitoring apps reload at night and get refused: normal?',
      'our mashup in an iframe opens a new session per page',
      'who is logged in right now?',
    ];
    for (const text of messages) expect(fromCompiled.knowledge.match(text)).toEqual(parsed.knowledge.match(text));
  });

  it('answers from the shipped index while it is current (a term only the shipped index has is found)', async () => {
    const compiled = JSON.parse(await readFile(compiledPath, 'utf8')) as CompiledKnowledge;
    const marked = {
      ...compiled,
      files: compiled.files.map((file) =>
        file.entry.id === 'count-sessions'
          ? { ...file, index: { ...file.index, terms: [...file.index.terms, ['zyxwvut', 50]] } }
          : file,
      ),
    };
    await writeFile(compiledPath, JSON.stringify(marked));
    const loaded = await loadKnowledgeBase({ builtInDir, compiledPath });
    expect(loaded.ok && loaded.knowledge.match('zyxwvut sessions').matches[0]?.id).toBe('count-sessions');
  });

  it('is used while it matches the files byte for byte', async () => {
    const compiled = JSON.parse(await readFile(compiledPath, 'utf8')) as CompiledKnowledge;
    const [first] = compiled.files;
    if (first === undefined) throw new Error('nothing compiled');
    const marked = {
      ...compiled,
      files: [{ ...first, entry: { ...first.entry, title: 'From the compiled copy' } }, ...compiled.files.slice(1)],
    };
    await writeFile(compiledPath, JSON.stringify(marked));
    const loaded = await loadKnowledgeBase({ builtInDir, compiledPath });
    expect(loaded.ok && loaded.knowledge.get(first.entry.id)?.title).toBe('From the compiled copy');
  });

  it('is ignored once an entry file changes: the edit is what gets answered', async () => {
    const file = join(builtInDir, 'five-session-limit.md');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace(/^title: .*$/m, 'title: "Edited after the build"'));
    const loaded = await loadKnowledgeBase({ builtInDir, compiledPath });
    expect(loaded.ok && loaded.knowledge.get('five-session-limit')?.title).toBe('Edited after the build');
  });

  it('is ignored when an entry file is added, and a broken one is still refused with its file and field', async () => {
    await writeFile(join(builtInDir, 'extra.md'), '---\nid: extra\n---\n');
    const loaded = await loadKnowledgeBase({ builtInDir, compiledPath });
    expect(loaded.ok).toBe(false);
    expect(loaded.ok ? '' : loaded.error).toContain('extra.md');
  });
});
