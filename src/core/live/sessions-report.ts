import type { NodeError } from './node-error.js';

export interface LiveSession {
  readonly sessionId: string;
  readonly proxy: string;
  readonly virtualProxy: string;
}

/** The `sessions --json` contract: one user's live proxy sessions on every node and virtual proxy. */
export interface SessionsReport {
  readonly user: string;
  /** Sessions counted on the nodes that answered; partial when `errors` is not empty. */
  readonly total: number;
  readonly sessions: readonly LiveSession[];
  readonly errors: readonly NodeError[];
}
