export { BUILT_IN_KNOWLEDGE_DIR, loadKnowledgeBase } from './load-knowledge-base.js';
export type { LoadKnowledgeBaseOptions, LoadKnowledgeBaseResult } from './load-knowledge-base.js';
