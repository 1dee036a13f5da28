import { describe, expect, it } from 'vitest';
import { analyzeLogs, reportJson } from '../../../src/core/verdict/index.js';
import { fileInputs, scenario } from '../../support/log-inputs.js';
import { APRIL_2018_LOG_DIR, hasSharedFixture } from '../../support/shared-fixtures.js';

describe('timelines of the users the verdict names', () => {
  it('draws each session of the refused user with its node, client and how it ended, and the refused attempts', async () => {
    const report = await analyzeLogs(fileInputs(scenario('peak-above-limit-refused-counted')));
    expect(report.timelines.map((timeline) => timeline.user)).toEqual(['CORP\\mweber']);
    const [timeline] = report.timelines;
    expect(timeline).toMatchObject({ peak: 7, peakAt: new Date('2024-03-12T09:09:00.106Z'), omittedSessions: 0 });
    expect(timeline?.sessions).toHaveLength(7);
    expect(timeline?.sessions[0]).toEqual({
      start: new Date('2024-03-12T09:05:00.100Z'),
      end: new Date('2024-03-12T09:40:00.500Z'),
      ending: 'stopped',
      startsBeforeExcerpt: false,
      node: 'QS1',
      client: '::ffff:10.99.0.7',
    });
    expect(timeline?.refusals).toEqual([new Date('2024-03-12T09:08:20.205Z'), new Date('2024-03-12T09:09:00.206Z')]);
  });

  it('keeps the timelines out of the analyze --json object', async () => {
    const report = await analyzeLogs(fileInputs(scenario('peak-above-limit-refused-counted')));
    expect(Object.keys(reportJson(report))).toEqual(['verdict', 'findings', 'users', 'input']);
  });

  it('marks sessions that began before the excerpt and those still open at its end', async () => {
    const report = await analyzeLogs(fileInputs(scenario('sessions-before-excerpt_AuditActivity_Proxy.txt')));
    const sessions = report.timelines.flatMap((timeline) => timeline.sessions);
    expect(
      sessions.some((session) => session.startsBeforeExcerpt && session.start.toISOString() === report.input.from),
    ).toBe(true);
    for (const session of sessions) expect(session.end.getTime()).toBeGreaterThanOrEqual(session.start.getTime());
  });

  it.skipIf(!hasSharedFixture(APRIL_2018_LOG_DIR))(
    'holds all 100 sessions of the service account on the real April 2018 logs: 90 timed out, 10 open at the end',
    async () => {
      const report = await analyzeLogs(fileInputs(APRIL_2018_LOG_DIR));
      const service = report.timelines.find((timeline) => timeline.user === 'DOMAIN\\qvservice');
      expect(service?.sessions).toHaveLength(100);
      expect(service?.peak).toBe(10);
      const endings = service?.sessions.map((session) => session.ending) ?? [];
      expect(endings.filter((ending) => ending === 'timed-out')).toHaveLength(90);
      expect(endings.filter((ending) => ending === 'open-at-end')).toHaveLength(10);
      expect(service?.refusals).toHaveLength(100);
      expect(report.timelines[0]?.user).toBe('DOMAIN\\administrator');
    },
  );
});
