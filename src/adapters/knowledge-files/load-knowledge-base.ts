import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createKnowledgeBase, KNOWLEDGE_IDS, parseKnowledgeEntry, type KnowledgeBase, type KnowledgeEntry } from '../../core/knowledge/index.js';

export type LoadKnowledgeBaseResult = { readonly ok: true; readonly knowledge: KnowledgeBase } | { readonly ok: false; readonly error: string };

export interface LoadKnowledgeBaseOptions {
  /** A site's own entries (QLIK_KB_DIR): they add to the built-in ones or replace one with the same id. */
  readonly siteDir?: string | undefined;
  /** The built-in entries; the repository's `knowledge/` folder unless a test says otherwise. */
  readonly builtInDir?: string | undefined;
}

// src/adapters/knowledge-files/ and dist/adapters/knowledge-files/ are both three levels below the package root.
export const BUILT_IN_KNOWLEDGE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'knowledge');

const ENTRY_FILE = /\.(?:md|ya?ml)$/i;

async function readEntries(dir: string, label: string): Promise<{ ok: true; files: { entry: KnowledgeEntry; path: string }[] } | { ok: false; error: string }> {
  let names: string[];
  try {
    if (!(await stat(dir)).isDirectory()) return { ok: false, error: `${label} ${dir} is not a folder` };
    names = (await readdir(dir)).filter((name) => ENTRY_FILE.test(name) && !/^readme\./i.test(name)).sort();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, error: `${label} ${dir} cannot be read (${code ?? String(error)}): check the path` };
  }
  const files: { entry: KnowledgeEntry; path: string }[] = [];
  const seen = new Map<string, string>();
  for (const name of names) {
    const path = join(dir, name);
    const parsed = parseKnowledgeEntry(path, await readFile(path, 'utf8'));
    if (!parsed.ok) return parsed;
    const earlier = seen.get(parsed.entry.id);
    if (earlier !== undefined) return { ok: false, error: `${path}: field "id": "${parsed.entry.id}" is also defined in ${earlier}` };
    seen.set(parsed.entry.id, path);
    files.push({ entry: parsed.entry, path });
  }
  return { ok: true, files };
}

/**
 * The built-in entries, then the site's (QLIK_KB_DIR), which add entries or override one by id.
 * A broken entry fails the whole load with the file and the field, so nobody ships a half-read knowledge base.
 */
export async function loadKnowledgeBase(options: LoadKnowledgeBaseOptions): Promise<LoadKnowledgeBaseResult> {
  const builtIn = await readEntries(options.builtInDir ?? BUILT_IN_KNOWLEDGE_DIR, 'The built-in knowledge folder');
  if (!builtIn.ok) return builtIn;
  const byId = new Map<string, KnowledgeEntry>();
  const origin = new Map<string, string>();
  const site = options.siteDir === undefined ? { ok: true as const, files: [] } : await readEntries(options.siteDir, 'QLIK_KB_DIR');
  if (!site.ok) return site;
  for (const { entry, path } of [...builtIn.files, ...site.files]) {
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
      return { ok: false, error: `${origin.get(entry.id) ?? entry.id}: field "related": unknown entry id(s) ${unknown.join(', ')}` };
    }
  }
  return { ok: true, knowledge: createKnowledgeBase(entries) };
}
