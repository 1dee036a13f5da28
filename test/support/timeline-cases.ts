import type { ChartSession, ChartTimeline } from '../../src/core/timeline/chart-timeline.js';

const at = (time: string) => new Date(`2024-03-12T${time}Z`);

function session(
  start: string,
  end: string,
  ending: ChartSession['ending'],
  extra: Partial<ChartSession> = {},
): ChartSession {
  return { start: at(start), end: at(end), ending, startsBeforeExcerpt: false, ...extra };
}

/** CORP\mweber at the limit: five sessions on two nodes, one begun before the excerpt, one assumed to time out, two refusals. */
export const LIMIT_TIMELINE: ChartTimeline = {
  user: 'CORP\\mweber',
  sessions: [
    session('07:40:00', '08:20:00', 'stopped', { node: 'QS1', client: '10.0.0.21', startsBeforeExcerpt: true }),
    session('07:55:10', '08:25:10', 'assumed-timeout', { node: 'QS1', client: '10.0.0.21' }),
    session('08:01:02', '08:31:02', 'timed-out', { node: 'QS2', client: '10.0.0.35' }),
    session('08:05:30', '08:40:00', 'open-at-end', { node: 'QS2', client: '10.0.0.35' }),
    session('08:07:59', '08:12:00', 'proxy-stopped', { node: 'QS1', client: '10.0.0.77' }),
  ],
  omittedSessions: 0,
  refusals: [at('08:08:47.120'), at('08:09:30')],
  peak: 5,
  peakAt: at('08:07:59'),
};

/** An automation account with far more sessions than bars: the picture becomes the parallel count alone. */
export function manySessionsTimeline(count: number): ChartTimeline {
  const sessions: ChartSession[] = [];
  const base = Date.parse('2024-03-12T00:00:00Z');
  for (let index = 0; index < count; index += 1) {
    const start = base + index * 45_000;
    sessions.push({
      start: new Date(start),
      end: new Date(start + (index % 7) * 60_000 + 30_000),
      ending: 'stopped',
      startsBeforeExcerpt: false,
      client: '10.0.0.9',
    });
  }
  return {
    user: 'CORP\\svc_<robot>&co',
    sessions,
    omittedSessions: 1200,
    refusals: [new Date(base + 3_600_000)],
    peak: 9,
    peakAt: new Date(base + 600_000),
  };
}
