import { zonedTime } from '../text/index.js';
import type { ChartTimeline } from './chart-timeline.js';

/** What the picture shows, in one sentence, for screen readers and Slack's alt text. */
export function timelineAltText(timeline: ChartTimeline, timeZone?: string): string {
  const zone = zonedTime(timeZone);
  const total = timeline.sessions.length + timeline.omittedSessions;
  const starts = timeline.sessions.map((session) => session.start.getTime());
  const ends = timeline.sessions.map((session) => session.end.getTime());
  const span =
    starts.length === 0 ? '' : ` between ${zone.instant(Math.min(...starts))} and ${zone.instant(Math.max(...ends))}`;
  const peak =
    timeline.peakAt === undefined
      ? `at most ${timeline.peak} at once`
      : `at most ${timeline.peak} at once (at ${zone.clock(timeline.peakAt, true)})`;
  const refused =
    timeline.refusals.length === 0
      ? ''
      : `, ${timeline.refusals.length} refused attempt${timeline.refusals.length === 1 ? '' : 's'}`;
  return `Timeline of ${timeline.user}: ${total} proxy session${total === 1 ? '' : 's'}${span}, ${peak}${refused}.`;
}
