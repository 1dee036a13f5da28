/** How an analysis in the pool ended, for counting. */
export type AnalysisEnd = 'reported' | 'failed' | 'input-failed' | 'crashed' | 'hung' | 'stopped';

/**
 * The pool's counts, for the metrics port (queue depth, analyses by outcome, bytes read, duration, refusals).
 * Injected; the default counts nothing.
 */
export interface AnalysisPoolMetrics {
  /** Analyses waiting for a free worker, after every change. */
  queueDepth(waiting: number): void;
  /** An analysis refused because every worker was busy and the queue full (the person got the busy reply). */
  refused(): void;
  /** An analysis ended: how, how many bytes of log it read, and how long it took from start to end. */
  analysed(end: AnalysisEnd, bytes: number, seconds: number): void;
  /** A worker thread was replaced after it crashed or hung. */
  workerReplaced(reason: 'crashed' | 'hung'): void;
}

export const NO_POOL_METRICS: AnalysisPoolMetrics = {
  queueDepth: () => undefined,
  refused: () => undefined,
  analysed: () => undefined,
  workerReplaced: () => undefined,
};
