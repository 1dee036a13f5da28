/** Why the watch speaks up (the `cause` of `watch:recent-alerts`, DESIGN contract shared with App Home). */
export const ALERT_CAUSES = [
  'at-limit',
  'refused',
  'service-account-licensed',
  'cookie-burst',
  'count-dropped',
] as const;
export type AlertCause = (typeof ALERT_CAUSES)[number];

/** What most likely opened a user's sessions, read from their clients and how fast the sessions came. */
export type LikelyCause = 'service-account' | 'script' | 'several-clients' | 'one-client';

/** Where the watch saw it: the log folders, or the live proxy session lists. */
export type AlertSource = 'logs' | 'live';

/** One thing worth telling the admins about one user; times are epoch milliseconds. */
export interface WatchAlert {
  readonly cause: AlertCause;
  /** `DIRECTORY\id` as Qlik writes it. */
  readonly user: string;
  readonly at: number;
  /** Parallel sessions open (at-limit, count-dropped), the SessionCount of a refusal, new sessions of a burst. */
  readonly count: number | null;
  /** Proxy nodes (log host or proxy URL) the sessions are on. */
  readonly nodes: readonly string[];
  /** Client addresses and browsers seen for the open sessions. */
  readonly clients: readonly string[];
  readonly likely: LikelyCause | null;
  readonly source: AlertSource;
}
