import type { KnowledgeEntry } from '../core/knowledge/index.js';
import type { EntryReference, Reply, ReplySection } from './reply.js';
import { code, type RichText } from '../core/text/index.js';

/** The id, title and sources of an entry, as replies cite it. */
export function entryReference(entry: KnowledgeEntry): EntryReference {
  return { id: entry.id, title: entry.title, sources: entry.sources };
}

function relatedLine(ids: readonly string[]): RichText {
  return ids.flatMap((id, index) => (index === 0 ? [code(id)] : [', ', code(id)]));
}

/** One knowledge entry as a Reply: every chat adapter renders this same model. */
export function entryReply(entry: KnowledgeEntry): Reply {
  const sections: ReplySection[] = [
    { title: 'Answer', paragraphs: entry.answer, steps: [] },
    { title: 'Fix', paragraphs: [], steps: entry.fix },
    { title: 'How to confirm', paragraphs: entry.confirm, steps: [] },
  ];
  if (entry.related.length > 0)
    sections.push({ title: 'Related', paragraphs: [relatedLine(entry.related)], steps: [] });
  return {
    tone: 'answer',
    headline: entry.title,
    sections,
    facts: null,
    entries: [entryReference(entry)],
    caveats: [],
    actions: [{ kind: 'feedback', topic: entry.id }],
  };
}
