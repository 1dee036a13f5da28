export { BUILT_IN_KNOWLEDGE_DIR, COMPILED_KNOWLEDGE_PATH, compileKnowledge, loadKnowledgeBase } from './load-knowledge-base.js';
export type { CompiledKnowledge, LoadKnowledgeBaseOptions, LoadKnowledgeBaseResult } from './load-knowledge-base.js';
