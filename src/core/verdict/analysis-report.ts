/**
 * The result of analysing a log excerpt: the `analyze --json` contract of DESIGN section 2.
 * Other programs read these names; change them only together with DESIGN.md.
 */

export const VERDICT_CODES = [
  'service-account-licensed',
  'limit-reached',
  'no-license',
  'invalid-cookie-burst',
  'near-limit',
  'within-limit',
  'no-qlik-lines',
] as const;
export type VerdictCode = (typeof VERDICT_CODES)[number];

export const FINDING_CODES = [
  ...VERDICT_CODES,
  'service-account-sessions',
  'automation-sessions',
  'many-clients',
  'sessions-before-excerpt',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

export type Severity = 'problem' | 'warning' | 'info';

export interface Verdict {
  readonly code: VerdictCode;
  /** `DIRECTORY\id` exactly as Qlik writes it, or null when the verdict is about no one user. */
  readonly user: string | null;
  /** ISO 8601 UTC instant the verdict is about, or null. */
  readonly at: string | null;
  readonly title: string;
  readonly detail: string;
  /** Knowledge entry ids (DESIGN section 4). */
  readonly entries: readonly string[];
}

export interface Finding {
  readonly code: FindingCode;
  readonly severity: Severity;
  readonly user: string | null;
  readonly at: string | null;
  readonly detail: string;
  readonly entries: readonly string[];
}

export interface UserSummary {
  readonly user: string;
  readonly sessionsStarted: number;
  readonly peak: number;
  readonly peakAt: string | null;
  readonly denied: number;
  readonly limitDenials: number;
  readonly maxSessionCount: number | null;
  /** true when a grant or allocation was seen, false when only denials for lack of access were seen, null when unknown. */
  readonly licensed: boolean | null;
  readonly serviceAccount: boolean;
  readonly clients: number;
}

export interface InputSummary {
  readonly lines: number;
  readonly recognized: number;
  readonly skipped: number;
  /** Log layouts recognised, e.g. `AuditActivity_Proxy`. */
  readonly formats: readonly string[];
  readonly from: string | null;
  readonly to: string | null;
}

export interface AnalysisReport {
  readonly verdict: Verdict;
  readonly findings: readonly Finding[];
  readonly users: readonly UserSummary[];
  readonly input: InputSummary;
}
