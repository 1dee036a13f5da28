import type { ChartTimeline } from './chart-timeline.js';

/** Verdicts about one user's sessions, which a picture explains (DESIGN section 5). */
const PICTURED = new Set(['limit-reached', 'near-limit', 'invalid-cookie-burst', 'service-account-licensed']);

export interface ChartableReport {
  readonly verdict: { readonly code: string; readonly user: string | null };
  readonly timelines?: readonly ChartTimeline[];
}

/** The timeline a verdict's picture shows: the verdict user's, for the verdicts about a user's sessions. */
export function chartedTimeline(
  report: ChartableReport,
  options: { readonly anyVerdict?: boolean } = {},
): ChartTimeline | undefined {
  const { verdict, timelines = [] } = report;
  if (options.anyVerdict !== true && !PICTURED.has(verdict.code)) return undefined;
  const own = timelines.find((timeline) => timeline.user === verdict.user);
  // The CLI's --chart draws something whenever there is a timeline: the verdict user's, else the first named.
  return own ?? (options.anyVerdict === true ? timelines[0] : undefined);
}
