import type { AutomationBurst } from './automation-fold.js';
import type { ClientFigures } from './client-fold.js';
import type { ReloadWindow } from './reload-fold.js';
import type { RecordedSession } from './timeline-fold.js';

/** A user's proxy sessions as reconstructed from the excerpt; times are epoch milliseconds, NaN when unknown. */
export interface UserFigures {
  readonly user: string;
  readonly sessionsStarted: number;
  /** Sessions whose end is in the excerpt but not their start: they were open before it. */
  readonly sessionsBeforeExcerpt: number;
  readonly peak: number;
  readonly peakAt: number;
  readonly denied: number;
  readonly limitDenials: number;
  readonly noPassDenials: number;
  readonly firstLimitDenialAt: number;
  readonly firstNoPassDenialAt: number;
  readonly maxSessionCount: number | null;
  readonly firstGrantAt: number;
  readonly allocated: boolean;
  readonly clients: ClientFigures;
  /** A session of this user authenticated on a `/qrs/...` request (the Monitoring apps' REST connector). */
  readonly qrsContext: boolean;
  /** The first `Session '...' is invalid` line followed by at least BURST_SESSIONS new sessions within BURST_WINDOW_MS. */
  readonly invalidCookieBurst: { readonly at: number; readonly sessions: number } | null;
  /** The most sessions one client opened within AUTOMATION_WINDOW_MS, when at least AUTOMATION_SESSIONS. */
  readonly automationBurst: AutomationBurst | null;
  /** Sessions opened while a reload task ran (TaskExecution_Scheduler), and the names of those tasks. */
  readonly reloadMatches: { readonly sessions: number; readonly tasks: readonly string[] };
  /** For the timeline picture: sessions around the peak first (at most 500), and the refused attempts. */
  readonly sessions: readonly RecordedSession[];
  readonly omittedSessions: number;
  readonly refusals: readonly number[];
}

export interface SessionTimelines {
  readonly users: readonly UserFigures[];
  readonly reloads: readonly ReloadWindow[];
  /** Accounts named in the `ServiceUser` column of trace logs (lower case). */
  readonly serviceUsers: ReadonlySet<string>;
  /** Denials whose user no line named (the Message column alone of a `Login access denied`). */
  readonly anonymousNoPassDenials: number;
  readonly firstAnonymousDenialAt: number;
  /** No line said when a session ended (no Stop session, no timeout): each is taken to end 30 minutes after it started. */
  readonly assumedTimeouts: boolean;
  readonly from: number;
  readonly to: number;
}

/** Entries held by each structure of the tracker at one moment: what its memory grows with. */
export interface HeldCounts {
  readonly users: number;
  readonly userKeys: number;
  readonly sessions: number;
  /** Slots of the session table, held or free: the most sessions held at once. */
  readonly sessionSlots: number;
  /** Session clients and browsers held as strings (long ones, or beyond Latin-1). */
  readonly sessionTexts: number;
  readonly closedQueue: number;
  readonly startQueue: number;
  readonly unended: number;
  readonly nodes: number;
  readonly peaks: number;
  readonly clients: number;
  readonly invalidCookies: number;
  readonly automation: number;
  readonly reloads: number;
  readonly denialCopies: number;
  readonly timelines: number;
}
