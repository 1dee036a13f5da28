import type { AppMetrics } from '../../bot/index.js';

/** How an analysis in the pool ended; counted as `ok` or `failed` by the metrics port, and logged when unusual. */
export type AnalysisEnd = 'reported' | 'failed' | 'input-failed' | 'crashed' | 'hung' | 'stopped';

/** What the pool reports to the metrics port: analyses (with bytes and seconds, and refusals as busy), queue depth. */
export type AnalysisPoolMetrics = Pick<AppMetrics, 'analysisFinished' | 'analysisQueueDepth'>;

export const NO_POOL_METRICS: AnalysisPoolMetrics = {
  analysisFinished: () => undefined,
  analysisQueueDepth: () => undefined,
};
