export { createKnowledgeBase, MIN_ANSWER_SCORE } from './knowledge-base.js';
export type { KnowledgeBase, KnowledgeMatch } from './knowledge-base.js';
export type { KnowledgeEntry } from './knowledge-entry.js';
export { KNOWLEDGE_IDS } from './knowledge-ids.js';
export { didYouMean } from './did-you-mean.js';
export { parseKnowledgeEntry } from './parse-knowledge-entry.js';
