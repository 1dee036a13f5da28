export { countSentences } from './count-sentences.js';
export { createKnowledgeBase, indexKnowledgeEntry, MIN_ANSWER_SCORE } from './knowledge-base.js';
export type { EntryIndex, KnowledgeBase, KnowledgeMatch } from './knowledge-base.js';
export type { KnowledgeEntry } from './knowledge-entry.js';
export { KNOWLEDGE_IDS } from './knowledge-ids.js';
export { didYouMean } from './did-you-mean.js';
export { parseInlineMarkdown } from './parse-inline-markdown.js';
