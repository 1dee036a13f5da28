import type { AnalysisReport } from '../../core/verdict/index.js';

/** Main thread to worker: the inputs, streamed file by file, chunk by chunk. */
export type ToWorker =
  | { readonly type: 'file'; readonly name: string }
  | { readonly type: 'chunk'; readonly data: ArrayBuffer | string }
  | { readonly type: 'end-file' }
  | { readonly type: 'end' };

/** Worker to main thread: the report, or why there is none. */
export type FromWorker = { readonly type: 'report'; readonly report: AnalysisReport } | { readonly type: 'error'; readonly message: string };
