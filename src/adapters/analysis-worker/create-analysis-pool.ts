import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { silentLogger, type Logger, type LogAnalyzer } from '../../bot/index.js';
import type { LogInput } from '../../core/logs/index.js';
import { NO_POOL_METRICS, type AnalysisPoolMetrics } from './analysis-pool-metrics.js';
import { WorkerSlot, type PoolJob } from './worker-slot.js';
import { workerScriptUrl } from './worker-script-url.js';

export interface AnalysisPoolOptions {
  /** Worker threads (ANALYSIS_WORKERS). */
  readonly workers: number;
  /** Analyses that may wait for a free worker; past it the answer is busy. Default 16 per worker. */
  readonly queueLimit?: number;
  readonly workerUrl?: URL;
  /** Silence from a worker that owes an answer, after which it counts as hung; default 60 s. */
  readonly stallMs?: number;
  /** Heap cap of each worker; a larger need crashes that worker only, and it is replaced. */
  readonly maxHeapMb?: number;
  readonly metrics?: AnalysisPoolMetrics;
  readonly logger?: Logger;
  readonly now?: () => number;
  /** Start the workers at once instead of at the first analysis. */
  readonly warm?: boolean;
}

export interface AnalysisPoolStats {
  readonly workers: number;
  readonly busy: number;
  readonly waiting: number;
  readonly refused: number;
  /** Threads started so far: one per worker while none has failed (they are reused), plus one per replacement. */
  readonly threadsStarted: number;
}

export interface AnalysisPool {
  /** The bot's analysis port: queued for a free warm worker, or `busy` at once when the queue is full. */
  readonly analyze: LogAnalyzer;
  stats(): AnalysisPoolStats;
  /** Stops the workers; analyses still waiting answer `failed` (`stopped`). */
  close(): Promise<void>;
}

export const QUEUED_PER_WORKER = 16;
const DEFAULT_STALL_MS = 60_000;
const DEFAULT_MAX_HEAP_MB = 512;

/**
 * A fixed pool of analysis worker threads with a bounded queue. The main thread only moves bytes, so it keeps
 * acknowledging Slack while logs are analysed; a burst of shares waits its turn (holding no file bytes while it
 * waits: downloads start when a worker asks for the first chunk) or is refused with a busy answer, never dropped.
 */
export function createAnalysisPool(options: AnalysisPoolOptions): AnalysisPool {
  const workerUrl = options.workerUrl ?? workerScriptUrl();
  const metrics = options.metrics ?? NO_POOL_METRICS;
  const logger = options.logger ?? silentLogger;
  const queueLimit = options.queueLimit ?? QUEUED_PER_WORKER * options.workers;
  const waiting: PoolJob[] = [];
  let refused = 0;
  /** Analyses whose inputs are being listed (a .zip read to find its logs): each holds a place in the queue. */
  let listing = 0;
  let threadsStarted = 0;
  let closed = false;

  const dispatch = (): void => {
    for (const slot of slots) {
      if (slot.busy) continue;
      const job = waiting.shift();
      if (job === undefined) break;
      metrics.analysisQueueDepth(waiting.length);
      slot.start(job);
    }
  };
  const slotOptions = {
    workerUrl,
    stallMs: options.stallMs ?? DEFAULT_STALL_MS,
    maxHeapMb: options.maxHeapMb ?? DEFAULT_MAX_HEAP_MB,
    metrics,
    logger,
    now: options.now ?? Date.now,
    onSpawn: () => void threadsStarted++,
  };
  const slots = Array.from({ length: Math.max(1, options.workers) }, () => new WorkerSlot(slotOptions, dispatch));
  if (options.warm === true && existsSync(fileURLToPath(workerUrl))) slots.forEach((slot) => slot.warm());

  const analyze: LogAnalyzer = async (inputs, analyzeOptions = {}) => {
    if (!existsSync(fileURLToPath(workerUrl))) {
      throw new Error(`The analysis worker ${fileURLToPath(workerUrl)} is missing: run npm run build.`);
    }
    if (closed) return { ok: false, error: { code: 'failed', reason: 'stopped' } };
    // Refused before its inputs are listed: listing a .zip downloads it whole, wasted when the answer is busy.
    const freeSlots = slots.filter((slot) => !slot.busy).length;
    if (waiting.length + listing >= queueLimit + freeSlots) {
      refused++;
      metrics.analysisFinished({ outcome: 'busy', bytes: 0, seconds: 0 });
      logger.warn(
        { workers: slots.length, waiting: waiting.length },
        'analysis refused: every worker busy, queue full',
      );
      return { ok: false, error: { code: 'busy' } };
    }
    // Only the names and the unread streams are kept while waiting; no chunk is read before a worker asks. While
    // the inputs are listed their place in the queue is held, so a burst cannot overfill it.
    const list: LogInput[] = [];
    listing++;
    try {
      for await (const input of inputs) list.push(input);
    } finally {
      listing--;
    }
    if (closed) return { ok: false, error: { code: 'failed', reason: 'stopped' } };
    return new Promise((resolve, reject) => {
      waiting.push({ inputs: list, serviceAccounts: [...(analyzeOptions.serviceAccounts ?? [])], resolve, reject });
      metrics.analysisQueueDepth(waiting.length);
      dispatch();
    });
  };

  return {
    analyze,
    stats: () => ({
      workers: slots.length,
      busy: slots.filter((slot) => slot.busy).length,
      waiting: waiting.length,
      refused,
      threadsStarted,
    }),
    async close() {
      closed = true;
      for (const job of waiting.splice(0)) job.resolve({ ok: false, error: { code: 'failed', reason: 'stopped' } });
      metrics.analysisQueueDepth(0);
      await Promise.all(slots.map((slot) => slot.close()));
    },
  };
}
