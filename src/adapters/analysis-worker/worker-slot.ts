import { Worker } from 'node:worker_threads';
import type { AnalysisResult, LogFields, Logger } from '../../bot/index.js';
import type { LogInput } from '../../core/logs/index.js';
import type { AnalysisEnd, AnalysisPoolMetrics } from './analysis-pool-metrics.js';
import { toTransferable } from './to-transferable.js';
import type { FromWorker, ToWorker } from './worker-protocol.js';

type Chunks = Iterator<Uint8Array | string> | AsyncIterator<Uint8Array | string>;

/** One analysis: its inputs and how to answer the caller (a report or unavailable, or the input's own error). */
export interface PoolJob {
  readonly inputs: readonly LogInput[];
  readonly serviceAccounts: readonly string[];
  readonly resolve: (outcome: AnalysisResult) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * The worker's space for new objects. V8 lets it grow to 48 MB; an analysis keeps few of its new objects (they are
 * lines and events), so half of that collects about as cheaply and keeps each worker up to 24 MB smaller.
 */
const YOUNG_GENERATION_MB = 24;

export interface SlotOptions {
  readonly workerUrl: URL;
  /** A worker that owes an answer (it has every chunk it asked for) and says nothing this long is hung. */
  readonly stallMs: number;
  readonly maxHeapMb: number;
  readonly metrics: AnalysisPoolMetrics;
  readonly logger: Logger;
  readonly now: () => number;
  /** Told of every thread started, the first ones and replacements. */
  readonly onSpawn: () => void;
}

interface Running {
  readonly id: number;
  readonly job: PoolJob;
  readonly sources: (Chunks | undefined)[];
  readonly done: boolean[];
  readonly startedAt: number;
  bytes: number;
  /** Chunks being read from a source right now: the worker waits on us, so silence is not a hang. */
  serving: number;
  answered: boolean;
  watchdog: NodeJS.Timeout | undefined;
}

let nextJobId = 1;

function chunksOf(input: LogInput): Chunks {
  const chunks = input.chunks;
  return Symbol.asyncIterator in chunks ? chunks[Symbol.asyncIterator]() : chunks[Symbol.iterator]();
}

/**
 * One warm worker thread and the analysis it runs. The worker pulls chunks file by file; a chunk is read from its
 * source only when asked for and moved to the worker, so a file is never held whole on either side. A worker that
 * crashes or hangs is replaced, and its analysis answers `failed`.
 */
export class WorkerSlot {
  private worker: Worker | null = null;
  /** The thread has loaded its script; before that, silence is start-up, not a hang. */
  private ready = false;
  private running: Running | null = null;
  private closed = false;

  constructor(
    private readonly options: SlotOptions,
    private readonly onFree: () => void,
  ) {}

  get busy(): boolean {
    return this.running !== null;
  }

  /** Starts the thread ahead of the first analysis, so it is warm when needed. */
  warm(): void {
    if (this.worker === null && !this.closed) this.worker = this.spawn();
  }

  start(job: PoolJob): void {
    const worker = this.worker ?? this.spawn();
    this.worker = worker;
    const run: Running = {
      id: nextJobId++,
      job,
      sources: [],
      done: job.inputs.map(() => false),
      startedAt: this.options.now(),
      bytes: 0,
      serving: 0,
      answered: false,
      watchdog: undefined,
    };
    this.running = run;
    worker.ref();
    this.post({
      type: 'job',
      job: run.id,
      names: job.inputs.map((input) => input.name),
      serviceAccounts: job.serviceAccounts,
    });
    this.arm(run);
  }

  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    this.worker = null;
    if (this.running !== null)
      this.end(this.running, 'stopped', { ok: false, error: { code: 'failed', reason: 'stopped' } });
    if (worker !== null) {
      worker.removeAllListeners();
      await worker.terminate();
    }
  }

  private spawn(): Worker {
    const worker = new Worker(this.options.workerUrl, {
      resourceLimits: { maxOldGenerationSizeMb: this.options.maxHeapMb, maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
    this.options.onSpawn();
    this.ready = false;
    worker.on('message', (message: FromWorker) => this.receive(message));
    worker.on('error', (error) => this.lose(worker, 'crashed', { error: error.message }));
    worker.on('exit', (code) => this.lose(worker, 'crashed', { exitCode: code }));
    // An idle warm worker does not keep the process alive; a running analysis does (ref in start).
    worker.unref();
    return worker;
  }

  private post(message: ToWorker, transfer: ArrayBuffer[] = []): void {
    this.worker?.postMessage(message, transfer);
  }

  private receive(message: FromWorker): void {
    const run = this.running;
    if (message.type === 'ready') {
      this.ready = true;
      if (run !== null) this.arm(run);
      return;
    }
    if (run === null || message.job !== run.id) return;
    this.disarm(run);
    switch (message.type) {
      case 'pull':
        void this.serve(run, message.file);
        break;
      case 'drop':
        this.closeSource(run, message.file);
        break;
      case 'report':
        this.end(run, 'reported', { ok: true, report: message.report });
        return;
      case 'error':
        // After an input failed, the caller already has that error; otherwise this is a bug in the analysis.
        this.end(run, run.answered ? 'input-failed' : 'failed', new Error(`log analysis failed: ${message.message}`));
        return;
    }
    this.arm(run);
  }

  private async serve(run: Running, file: number): Promise<void> {
    const input = run.job.inputs[file];
    if (input === undefined || run.done[file] === true) return;
    run.serving++;
    try {
      const source = (run.sources[file] ??= chunksOf(input));
      const next = await source.next();
      if (this.running !== run) {
        // The analysis ended while this chunk was read (the worker hung or crashed): stop reading the source.
        void Promise.resolve(source.return?.()).catch(() => undefined);
        return;
      }
      if (next.done === true) {
        run.done[file] = true;
        this.post({ type: 'file-end', job: run.id, file });
        return;
      }
      const { data, transfer, bytes } = toTransferable(next.value);
      run.bytes += bytes;
      this.post({ type: 'chunk', job: run.id, file, data }, transfer);
    } catch (error) {
      run.done[file] = true;
      if (this.running !== run) return;
      // A failed download or read ends the analysis; the caller reports the reason. The worker is told and stops.
      this.post({
        type: 'file-error',
        job: run.id,
        file,
        message: error instanceof Error ? error.message : String(error),
      });
      this.answer(run, error);
    } finally {
      run.serving--;
      if (this.running === run) this.arm(run);
    }
  }

  private closeSource(run: Running, file: number): void {
    const source = run.sources[file];
    if (source === undefined || run.done[file] === true) return;
    run.done[file] = true;
    void Promise.resolve(source.return?.()).catch(() => undefined);
  }

  private answer(run: Running, outcome: AnalysisResult | Error | unknown): void {
    if (run.answered) return;
    run.answered = true;
    if (typeof outcome === 'object' && outcome !== null && 'ok' in outcome) run.job.resolve(outcome as AnalysisResult);
    else run.job.reject(outcome);
  }

  private end(run: Running, how: AnalysisEnd, outcome: AnalysisResult | Error): void {
    this.disarm(run);
    run.job.inputs.forEach((_, file) => this.closeSource(run, file));
    this.answer(run, outcome);
    const seconds = (this.options.now() - run.startedAt) / 1000;
    this.options.metrics.analysisFinished({ outcome: how === 'reported' ? 'ok' : 'failed', bytes: run.bytes, seconds });
    if (how !== 'reported') {
      this.options.logger.warn({ end: how, bytes: run.bytes, seconds }, 'analysis ended without a report');
    }
    this.running = null;
    this.worker?.unref();
    if (!this.closed) this.onFree();
  }

  /** The worker is gone (crashed, exited, or terminated as hung): its analysis fails and a fresh one takes over. */
  private lose(worker: Worker, reason: 'crashed' | 'hung', detail: LogFields): void {
    if (worker !== this.worker) return;
    worker.removeAllListeners();
    if (reason === 'hung') void worker.terminate();
    this.worker = null;
    if (this.closed) return;
    this.options.logger.warn({ ...detail, reason, analysing: this.running !== null }, 'analysis worker replaced');
    if (this.running === null) return;
    // Warm again at once; an idle loss waits for the next analysis, so a script that cannot start never loops.
    this.worker = this.spawn();
    this.end(this.running, reason, { ok: false, error: { code: 'failed', reason } });
  }

  private arm(run: Running): void {
    if (!this.ready || run.serving > 0 || run.watchdog !== undefined || this.running !== run) return;
    const worker = this.worker;
    run.watchdog = setTimeout(() => {
      run.watchdog = undefined;
      if (worker !== null && this.running === run) {
        this.lose(worker, 'hung', { silentSeconds: this.options.stallMs / 1000 });
      }
    }, this.options.stallMs);
  }

  private disarm(run: Running): void {
    if (run.watchdog === undefined) return;
    clearTimeout(run.watchdog);
    run.watchdog = undefined;
  }
}
