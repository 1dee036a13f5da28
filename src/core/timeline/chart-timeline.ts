/**
 * What the timeline picture draws: the `UserTimeline` of the analysis report (team contract), read-only.
 * Kept structural so the report's own type is accepted as it is.
 */
export type SessionEnding = 'stopped' | 'timed-out' | 'assumed-timeout' | 'open-at-end' | 'proxy-stopped';

export interface ChartSession {
  readonly start: Date;
  readonly end: Date;
  readonly ending: SessionEnding;
  readonly startsBeforeExcerpt: boolean;
  readonly node?: string | undefined;
  readonly client?: string | undefined;
}

export interface ChartTimeline {
  readonly user: string;
  readonly sessions: readonly ChartSession[];
  readonly omittedSessions: number;
  readonly refusals: readonly Date[];
  readonly peak: number;
  readonly peakAt?: Date | undefined;
}
