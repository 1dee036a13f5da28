import type { NodeError } from './node-error.js';

/** The `end --yes --json` contract. */
export interface EndReport {
  readonly user: string;
  readonly ended: number;
  readonly errors: readonly NodeError[];
}
