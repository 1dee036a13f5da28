import type { SessionTimelines, UserFigures } from '../sessions/index.js';
import type { Finding, TimelineSession, UserTimeline, Verdict } from './analysis-report.js';

/** The verdict and findings name at most this many users; each gets a picture. */
const MAX_TIMELINES = 5;

function timelineOf(figures: UserFigures, timelines: SessionTimelines): UserTimeline {
  const from = timelines.from;
  const to = timelines.to;
  const sessions: TimelineSession[] = [...figures.sessions]
    .sort((a, b) => (Number.isNaN(a.start) ? from : a.start) - (Number.isNaN(b.start) ? from : b.start))
    .map((session) => {
      const before = Number.isNaN(session.start);
      const start = before ? from : session.start;
      const end = Number.isNaN(session.end) ? Math.max(to, start) : session.end;
      return {
        start: new Date(start),
        end: new Date(end),
        ending: session.ending,
        startsBeforeExcerpt: before,
        ...(session.node === null ? {} : { node: session.node }),
        ...(session.client === null ? {} : { client: session.client }),
      };
    });
  return {
    user: figures.user,
    sessions,
    omittedSessions: figures.omittedSessions,
    refusals: figures.refusals.map((at) => new Date(at)),
    peak: figures.peak,
    ...(Number.isFinite(figures.peakAt) ? { peakAt: new Date(figures.peakAt) } : {}),
  };
}

/** Timelines of the verdict's user first, then of the users the findings name in their order, at most five. */
export function userTimelines(
  verdict: Verdict,
  findings: readonly Finding[],
  timelines: SessionTimelines,
): UserTimeline[] {
  const byName = new Map(timelines.users.map((figures) => [figures.user, figures]));
  const named = new Set<string>();
  const picked: UserFigures[] = [];
  for (const user of [verdict.user, ...findings.map((finding) => finding.user)]) {
    if (picked.length === MAX_TIMELINES) break;
    if (user === null || named.has(user)) continue;
    named.add(user);
    const figures = byName.get(user);
    if (figures !== undefined && (figures.sessions.length > 0 || figures.refusals.length > 0)) picked.push(figures);
  }
  return picked.map((figures) => timelineOf(figures, timelines));
}
