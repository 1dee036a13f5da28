// The schema of knowledge entry files (YAML front matter, zod): apart from core/knowledge, so a compiled knowledge
// base answers without loading yaml or zod (~200 ms of start-up).
export { parseKnowledgeEntry } from './parse-knowledge-entry.js';
