import type { AnalysisReport } from '../../core/verdict/index.js';

/** Main thread to worker. Chunks come only when asked for (`pull`), so neither side ever holds a whole file. */
export type ToWorker =
  | {
      readonly type: 'job';
      readonly job: number;
      readonly names: readonly string[];
      readonly serviceAccounts: readonly string[];
    }
  | { readonly type: 'chunk'; readonly job: number; readonly file: number; readonly data: ArrayBuffer | string }
  | { readonly type: 'file-end'; readonly job: number; readonly file: number }
  | { readonly type: 'file-error'; readonly job: number; readonly file: number; readonly message: string };

/**
 * Worker to main thread: loaded (its start-up is not a hang), a request for the next chunk of a file, a file it no
 * longer reads, or the job's result.
 */
export type FromWorker =
  | { readonly type: 'ready' }
  | { readonly type: 'pull'; readonly job: number; readonly file: number }
  | { readonly type: 'drop'; readonly job: number; readonly file: number }
  | { readonly type: 'report'; readonly job: number; readonly report: AnalysisReport }
  | { readonly type: 'error'; readonly job: number; readonly message: string };
