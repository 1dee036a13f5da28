/**
 * The live Qlik Sense port: what the bot and the CLI ask of the Proxy (QPS) and Repository (QRS) APIs.
 * Implemented over client certificates in src/adapters/qlik/. The shapes are the `--json` contracts of the
 * `sessions`, `licenses`, `end` and `doctor` commands.
 */

/** A node or virtual proxy that did not answer; its part of a total is missing. */
export interface NodeError {
  readonly proxy: string;
  readonly virtualProxy: string;
  readonly message: string;
}

export interface LiveSession {
  readonly sessionId: string;
  readonly proxy: string;
  readonly virtualProxy: string;
}

export interface SessionsReport {
  readonly user: string;
  /** Sessions counted on the nodes that answered; partial when `errors` is not empty. */
  readonly total: number;
  readonly sessions: readonly LiveSession[];
  readonly errors: readonly NodeError[];
}

export interface LicenseAllocation {
  /** `professional`, `analyzer`, `user` or `login`. */
  readonly type: 'professional' | 'analyzer' | 'user' | 'login';
  readonly id: string;
}

export interface LicensesReport {
  readonly user: string;
  readonly allocations: readonly LicenseAllocation[];
}

export interface EndReport {
  readonly user: string;
  readonly ended: number;
  readonly errors: readonly NodeError[];
}

export interface DoctorFinding {
  readonly code: string;
  readonly severity: 'problem' | 'warning' | 'info';
  readonly user: string | null;
  readonly detail: string;
}

export interface DoctorReport {
  readonly findings: readonly DoctorFinding[];
}

/** Why nothing could be answered at all (no node reachable, certificates missing, ...): says the cause and the fix. */
export interface LiveFailure {
  readonly code: string;
  readonly message: string;
}

export type LiveResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: LiveFailure };

export interface LiveQlik {
  sessions(user: string): Promise<LiveResult<SessionsReport>>;
  licenses(user: string): Promise<LiveResult<LicensesReport>>;
  endSessions(user: string): Promise<LiveResult<EndReport>>;
  doctor(): Promise<LiveResult<DoctorReport>>;
}
