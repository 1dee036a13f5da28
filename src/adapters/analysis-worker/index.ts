export { createAnalysisPool } from './create-analysis-pool.js';
export type { AnalysisPool } from './create-analysis-pool.js';
