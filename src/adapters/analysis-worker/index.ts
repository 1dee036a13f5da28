export { NO_POOL_METRICS } from './analysis-pool-metrics.js';
export type { AnalysisEnd, AnalysisPoolMetrics } from './analysis-pool-metrics.js';
export { createAnalysisPool, QUEUED_PER_WORKER } from './create-analysis-pool.js';
export type { AnalysisPool, AnalysisPoolOptions, AnalysisPoolStats } from './create-analysis-pool.js';
export { workerScriptUrl } from './worker-script-url.js';
