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

export interface TimelineSession {
  /** The excerpt's start when it began before the excerpt (`startsBeforeExcerpt`). */
  readonly start: Date;
  /** The excerpt's end when it was still open then (`open-at-end`); start + 30 minutes for `assumed-timeout`. */
  readonly end: Date;
  readonly ending: 'stopped' | 'timed-out' | 'assumed-timeout' | 'open-at-end' | 'proxy-stopped';
  readonly startsBeforeExcerpt: boolean;
  /** Proxy node (Hostname column) when the line says it. */
  readonly node?: string;
  /** Client address or browser when known. */
  readonly client?: string;
}

/** One user's sessions and refused attempts, for the timeline picture. */
export interface UserTimeline {
  readonly user: string;
  /** At most 500, those around the peak kept first, in start order; `omittedSessions` counts the rest. */
  readonly sessions: readonly TimelineSession[];
  readonly omittedSessions: number;
  /** Denied attempts (at most 500). */
  readonly refusals: readonly Date[];
  readonly peak: number;
  readonly peakAt?: Date;
}

export interface AnalysisReport {
  readonly verdict: Verdict;
  readonly findings: readonly Finding[];
  readonly users: readonly UserSummary[];
  readonly input: InputSummary;
  /** For the users the verdict and findings name (at most 5); not part of `analyze --json` (see `reportJson`). */
  readonly timelines: readonly UserTimeline[];
  /** Denials whose lines name no user (the Message column alone): the headline counts them as the finding does. */
  readonly refusedWithoutUser: number;
  /** How the input was read, for the reply's caveats (cut at the size cap, several runs merged). */
  readonly readingNotes: readonly string[];
}

/** The `analyze --json` object of DESIGN section 2: the report without the timelines (drawn, never printed). */
export function reportJson(
  report: AnalysisReport,
): Omit<AnalysisReport, 'timelines' | 'refusedWithoutUser' | 'readingNotes'> {
  const { verdict, findings, users, input } = report;
  return { verdict, findings, users, input };
}
