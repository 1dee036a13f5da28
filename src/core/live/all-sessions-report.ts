import type { NodeError } from './node-error.js';

/** One live proxy session of any user, as a node and virtual proxy listed it. */
export interface ListedSession {
  readonly user: string;
  readonly sessionId: string;
  readonly proxy: string;
  readonly virtualProxy: string;
}

export interface AllSessionsReport {
  readonly sessions: readonly ListedSession[];
  /** Nodes or virtual proxies that did not answer: named, and the others still count. */
  readonly errors: readonly NodeError[];
}
