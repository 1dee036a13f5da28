import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createKnowledgeBase,
  indexKnowledgeEntry,
  KNOWLEDGE_IDS,
  type EntryIndex,
  type KnowledgeBase,
  type KnowledgeEntry,
} from '../../core/knowledge/index.js';

export type LoadKnowledgeBaseResult =
  { readonly ok: true; readonly knowledge: KnowledgeBase } | { readonly ok: false; readonly error: string };

export interface LoadKnowledgeBaseOptions {
  /** A site's own entries (QLIK_KB_DIR): they add to the built-in ones or replace one with the same id. */
  readonly siteDir?: string | undefined;
  /** The built-in entries; the repository's `knowledge/` folder unless a test says otherwise. */
  readonly builtInDir?: string | undefined;
  /** The built-in entries as the build compiled them; used only while they match the files byte for byte. */
  readonly compiledPath?: string | undefined;
}

// src/adapters/knowledge-files/ and dist/adapters/knowledge-files/ are both three levels below the package root.
export const BUILT_IN_KNOWLEDGE_DIR = fileURLToPath(new URL('../../../knowledge', import.meta.url));

/** Written by `npm run build` (scripts/compile-knowledge.js) into dist/; there is none beside the TypeScript sources. */
export const COMPILED_KNOWLEDGE_PATH = fileURLToPath(new URL('../../knowledge.json', import.meta.url));

const ENTRY_FILE = /\.(?:md|ya?ml)$/i;

interface SourceFile {
  readonly path: string;
  readonly text: string;
}

type Loaded<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

/** The compiled built-in entries with the matcher's index of each, and the fingerprint of what made them. */
export interface CompiledKnowledge {
  readonly fingerprint: string;
  readonly files: readonly { readonly name: string; readonly entry: KnowledgeEntry; readonly index: EntryIndex }[];
}

/** The matcher's and the schema's own code: a copy compiled by other code than runs now is not used either. */
const MATCHER_CODE_DIRS = ['../../core/knowledge/', '../../core/knowledge-schema/'].map(
  (dir) => new URL(dir, import.meta.url),
);

interface Entries {
  readonly entries: { entry: KnowledgeEntry; path: string }[];
  /** The index of entries that came compiled; the others are indexed when the knowledge base is made. */
  readonly indexes: ReadonlyMap<KnowledgeEntry, EntryIndex>;
}

async function readSources(dir: string, label: string): Promise<Loaded<SourceFile[]>> {
  let names: string[];
  try {
    if (!(await stat(dir)).isDirectory()) return { ok: false, error: `${label} ${dir} is not a folder` };
    names = (await readdir(dir)).filter((name) => ENTRY_FILE.test(name) && !/^readme\./i.test(name)).sort();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, error: `${label} ${dir} cannot be read (${code ?? String(error)}): check the path` };
  }
  const files = await Promise.all(
    names.map(async (name) => ({ path: join(dir, name), text: await readFile(join(dir, name), 'utf8') })),
  );
  return { ok: true, value: files };
}

async function matcherCode(): Promise<SourceFile[]> {
  const files: SourceFile[] = [];
  for (const dir of MATCHER_CODE_DIRS) {
    const names = (await readdir(dir)).filter((name) => /\.[jt]s$/.test(name)).sort();
    for (const name of names) files.push({ path: name, text: await readFile(new URL(name, dir), 'utf8') });
  }
  return files;
}

/** Names and contents of the entry files and the matcher's code: any edit, addition or removal gives another. */
async function fingerprintOf(files: readonly SourceFile[]): Promise<string> {
  const hash = createHash('sha256');
  for (const file of [...files, ...(await matcherCode())]) hash.update(`${basename(file.path)}\0${file.text}\0`);
  return hash.digest('hex');
}

async function parseEntries(files: readonly SourceFile[]): Promise<Loaded<{ entry: KnowledgeEntry; path: string }[]>> {
  // yaml and the schema (zod) are loaded only when entries are parsed: a compiled knowledge base needs neither.
  const { parseKnowledgeEntry } = await import('../../core/knowledge-schema/index.js');
  const parsedFiles: { entry: KnowledgeEntry; path: string }[] = [];
  const seen = new Map<string, string>();
  for (const { path, text } of files) {
    const parsed = parseKnowledgeEntry(path, text);
    if (!parsed.ok) return parsed;
    const earlier = seen.get(parsed.entry.id);
    if (earlier !== undefined)
      return { ok: false, error: `${path}: field "id": "${parsed.entry.id}" is also defined in ${earlier}` };
    seen.set(parsed.entry.id, path);
    parsedFiles.push({ entry: parsed.entry, path });
  }
  return { ok: true, value: parsedFiles };
}

/** The compiled entries when they were compiled from exactly these files; otherwise undefined, and the files are parsed. */
async function compiledEntries(path: string, files: readonly SourceFile[]): Promise<Entries | undefined> {
  let compiled: CompiledKnowledge;
  try {
    compiled = JSON.parse(await readFile(path, 'utf8')) as CompiledKnowledge;
  } catch {
    return undefined;
  }
  if (compiled.fingerprint !== (await fingerprintOf(files))) return undefined;
  const dir = dirname(files[0]?.path ?? '.');
  return {
    entries: compiled.files.map((file) => ({ entry: file.entry, path: join(dir, file.name) })),
    indexes: new Map(compiled.files.map((file) => [file.entry, file.index])),
  };
}

async function builtInEntries(options: LoadKnowledgeBaseOptions): Promise<Loaded<Entries>> {
  const sources = await readSources(options.builtInDir ?? BUILT_IN_KNOWLEDGE_DIR, 'The built-in knowledge folder');
  if (!sources.ok) return sources;
  const compiled = await compiledEntries(options.compiledPath ?? COMPILED_KNOWLEDGE_PATH, sources.value);
  if (compiled !== undefined) return { ok: true, value: compiled };
  const parsed = await parseEntries(sources.value);
  return parsed.ok ? { ok: true, value: { entries: parsed.value, indexes: new Map() } } : parsed;
}

/** The built-in entries parsed and validated by the same schema as at run time, for the build to write out. */
export async function compileKnowledge(
  builtInDir: string = BUILT_IN_KNOWLEDGE_DIR,
): Promise<Loaded<CompiledKnowledge>> {
  const sources = await readSources(builtInDir, 'The built-in knowledge folder');
  if (!sources.ok) return sources;
  const parsed = await parseEntries(sources.value);
  if (!parsed.ok) return parsed;
  const files = parsed.value.map((file) => ({
    name: basename(file.path),
    entry: file.entry,
    index: indexKnowledgeEntry(file.entry),
  }));
  return { ok: true, value: { fingerprint: await fingerprintOf(sources.value), files } };
}

/**
 * The built-in entries, then the site's (QLIK_KB_DIR), which add entries or override one by id.
 * A broken entry fails the whole load with the file and the field, so nobody ships a half-read knowledge base.
 */
export async function loadKnowledgeBase(options: LoadKnowledgeBaseOptions): Promise<LoadKnowledgeBaseResult> {
  const builtIn = await builtInEntries(options);
  if (!builtIn.ok) return builtIn;
  const byId = new Map<string, KnowledgeEntry>();
  const origin = new Map<string, string>();
  let site: Loaded<{ entry: KnowledgeEntry; path: string }[]> = { ok: true, value: [] };
  if (options.siteDir !== undefined) {
    const sources = await readSources(options.siteDir, 'QLIK_KB_DIR');
    site = sources.ok ? await parseEntries(sources.value) : sources;
  }
  if (!site.ok) return site;
  for (const { entry, path } of [...builtIn.value.entries, ...site.value]) {
    byId.set(entry.id, entry);
    origin.set(entry.id, path);
  }
  // The order of DESIGN section 4 first (lists and ties read the same everywhere), then the site's own, by id.
  const rank = (id: string) => {
    const index = (KNOWLEDGE_IDS as readonly string[]).indexOf(id);
    return index === -1 ? KNOWLEDGE_IDS.length : index;
  };
  const entries = [...byId.values()].sort((a, b) => rank(a.id) - rank(b.id) || a.id.localeCompare(b.id));
  for (const entry of entries) {
    const unknown = entry.related.filter((id) => !byId.has(id));
    if (unknown.length > 0) {
      return {
        ok: false,
        error: `${origin.get(entry.id) ?? entry.id}: field "related": unknown entry id(s) ${unknown.join(', ')}`,
      };
    }
  }
  return { ok: true, knowledge: createKnowledgeBase(entries, (entry) => builtIn.value.indexes.get(entry)) };
}
