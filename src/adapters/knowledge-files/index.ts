export { COMPILED_KNOWLEDGE_PATH, compileKnowledge, loadKnowledgeBase } from './load-knowledge-base.js';
export type { LoadKnowledgeBaseResult } from './load-knowledge-base.js';
