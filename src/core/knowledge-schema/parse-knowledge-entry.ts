import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { toPlainText } from '../text/index.js';
import { countSentences, parseInlineMarkdown, type KnowledgeEntry } from '../knowledge/index.js';

export type ParseKnowledgeEntryResult =
  { readonly ok: true; readonly entry: KnowledgeEntry } | { readonly ok: false; readonly error: string };

const MAX_ANSWER_SENTENCES = 3;
const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const idSchema = z.string().regex(ID_PATTERN, { error: 'must be a kebab-case id such as five-session-limit' });
const text = (what: string) =>
  z
    .string({ error: `must be ${what}` })
    .trim()
    .min(1, { error: `must be ${what}` });

const entrySchema = z.strictObject(
  {
    id: idSchema,
    title: text('a one-line title').max(120, { error: 'must be at most 120 characters' }),
    answer: z
      .array(text('a paragraph of text'), { error: 'must be one or more paragraphs' })
      .min(1, { error: 'must not be empty' })
      .refine(
        (paragraphs) =>
          paragraphs.reduce((sum, paragraph) => sum + countSentences(toPlainText(parseInlineMarkdown(paragraph))), 0) <=
          MAX_ANSWER_SENTENCES,
        {
          error: `must be at most ${MAX_ANSWER_SENTENCES} sentences in all (the rest belongs in the fix or how to confirm)`,
        },
      ),
    fix: z
      .array(text('a step'), { error: 'must be a list of numbered steps' })
      .min(1, { error: 'must have at least one step' }),
    confirm: z
      .array(text('a paragraph or list item'), { error: 'must be a list' })
      .min(1, { error: 'must say how to confirm the cause' }),
    related: z.array(idSchema, { error: 'must be a list of entry ids' }).default([]),
    sources: z
      .array(
        z.strictObject({
          title: text('the title of the page'),
          url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
        }),
        { error: 'must be a list of {title, url}' },
      )
      .min(1, { error: 'must have at least one source' }),
    triggers: z.array(text('a phrase'), { error: 'must be a list of phrases' }).default([]),
    keywords: z.array(text('a word or phrase'), { error: 'must be a list of words' }).default([]),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys' ? `unknown field(s) ${issue.keys.join(', ')}` : 'must be a mapping of fields',
  },
);

type RawEntry = Record<string, unknown>;

const SECTION_FIELDS: Readonly<Record<string, 'answer' | 'fix' | 'confirm'>> = {
  answer: 'answer',
  fix: 'fix',
  'how to confirm': 'confirm',
  confirm: 'confirm',
};

/** Paragraphs, or list items when the block is a list (continuation lines belong to the item above). */
function blocksOf(body: string): string[] {
  const blocks: string[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length > 0) blocks.push(current.join(' ').trim());
    current = [];
  };
  for (const line of body.split(/\r?\n/)) {
    const item = /^\s*(?:\d+[.)]|[-*+])\s+(.*)$/.exec(line);
    if (item !== null) {
      flush();
      current.push(item[1] ?? '');
    } else if (line.trim() === '') {
      flush();
    } else {
      current.push(line.trim());
    }
  }
  flush();
  return blocks.filter((block) => block !== '');
}

/** Front matter between `---` lines, then `## Answer`, `## Fix`, `## How to confirm` sections. */
function readMarkdown(text: string): { ok: true; raw: RawEntry } | { ok: false; error: string } {
  const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)([\s\S]*)$/.exec(text);
  if (match === null) return { ok: false, error: 'must start with YAML front matter between two "---" lines' };
  const front = readYaml(match[1] ?? '');
  if (!front.ok) return front;
  const raw: RawEntry = { ...front.raw };
  let field: 'answer' | 'fix' | 'confirm' | null = null;
  const sections: Record<string, string[]> = {};
  for (const line of (match[2] ?? '').split(/\r?\n/)) {
    const heading = /^#{1,3}\s+(.+?)\s*#*\s*$/.exec(line);
    if (heading !== null) {
      const name = (heading[1] ?? '').toLowerCase();
      field = SECTION_FIELDS[name] ?? null;
      if (field === null)
        return { ok: false, error: `unknown section "${heading[1] ?? ''}" (use ## Answer, ## Fix, ## How to confirm)` };
      if (field in raw || field in sections) return { ok: false, error: `field "${field}": given twice` };
      sections[field] = [];
      continue;
    }
    if (field === null) {
      if (line.trim() !== '') return { ok: false, error: 'text before the first section (start with ## Answer)' };
      continue;
    }
    sections[field]?.push(line);
  }
  for (const [name, lines] of Object.entries(sections)) raw[name] = blocksOf(lines.join('\n'));
  return { ok: true, raw };
}

function readYaml(text: string): { ok: true; raw: RawEntry } | { ok: false; error: string } {
  let value: unknown;
  try {
    value = parseYaml(text);
  } catch (error) {
    return {
      ok: false,
      error: `YAML does not parse: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
    };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return { ok: false, error: 'must be a YAML mapping of fields' };
  const raw: RawEntry = { ...(value as RawEntry) };
  // In YAML files a single paragraph may be written as a plain string.
  for (const field of ['answer', 'confirm'] as const) if (typeof raw[field] === 'string') raw[field] = [raw[field]];
  return { ok: true, raw };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String).join('.');
  return path === '' ? issue.message : `field "${path}": ${issue.message}`;
}

/**
 * Reads one entry file: Markdown with YAML front matter (`.md`) or YAML (`.yaml`/`.yml`), validated with zod.
 * The error names the file and the field, so a broken site entry is fixed in one go.
 */
export function parseKnowledgeEntry(fileName: string, text: string): ParseKnowledgeEntryResult {
  const fail = (detail: string): ParseKnowledgeEntryResult => ({ ok: false, error: `${fileName}: ${detail}` });
  const extension = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  const read =
    extension === 'md' ? readMarkdown(text) : extension === 'yaml' || extension === 'yml' ? readYaml(text) : null;
  if (read === null) return fail('not an entry file (use .md with front matter, or .yaml)');
  if (!read.ok) return fail(read.error);

  const parsed = entrySchema.safeParse(read.raw);
  if (!parsed.success) return fail(parsed.error.issues.map(describeIssue).join('; '));
  const data = parsed.data;
  const baseName = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  if (baseName !== data.id)
    return fail(`field "id": "${data.id}" must match the file name (${data.id}.${extension ?? 'md'})`);
  if (data.related.includes(data.id)) return fail('field "related": an entry cannot be related to itself');

  return {
    ok: true,
    entry: {
      id: data.id,
      title: data.title,
      answer: data.answer.map(parseInlineMarkdown),
      fix: data.fix.map(parseInlineMarkdown),
      confirm: data.confirm.map(parseInlineMarkdown),
      related: data.related,
      sources: data.sources,
      triggers: data.triggers,
      keywords: data.keywords,
    },
  };
}
