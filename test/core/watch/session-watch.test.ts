import { describe, expect, it } from 'vitest';
import type { LogEvent } from '../../../src/core/logs/index.js';
import { SessionWatch } from '../../../src/core/watch/index.js';

const T0 = Date.UTC(2026, 11, 1, 9, 0, 0);

function opened(
  at: number,
  user: string,
  sessionId: string,
  client: string | null = null,
  context: string | null = null,
): LogEvent {
  return { kind: 'session-opened', at, user, sessionId, via: 'login', client, context, node: null };
}

function closed(at: number, sessionId: string): LogEvent {
  return { kind: 'session-closed', at, user: null, sessionId, via: 'stop' };
}

describe('SessionWatch', () => {
  it('warns once when a user reaches 5 open sessions, with the nodes, the clients and several clients as the cause', () => {
    const watch = new SessionWatch();
    for (let index = 0; index < 4; index++)
      watch.add(
        opened(T0 + index * 60_000, 'CORP\\mweber', `s${index}`, `10.0.0.${index % 2}`),
        index < 2 ? 'QS1' : 'QS2',
      );
    expect(watch.settle()).toEqual([]);
    watch.add(opened(T0 + 5 * 60_000, 'CORP\\mweber', 's4', '10.0.0.1'), 'QS2');
    const [alert, ...rest] = watch.settle();
    expect(rest).toEqual([]);
    expect(alert).toMatchObject({
      cause: 'at-limit',
      user: 'CORP\\mweber',
      count: 5,
      nodes: ['QS1', 'QS2'],
      likely: 'several-clients',
      source: 'logs',
    });
    expect(alert?.clients).toEqual(['10.0.0.0', '10.0.0.1']);
    // A line naming a session already open (the Start session of a Login) is not a sixth.
    watch.add(opened(T0 + 5 * 60_000 + 10, 'CORP\\mweber', 's4'), 'QS2');
    expect(watch.settle()).toEqual([]);
  });

  it('says when the count drops below the limit, and warns again when it climbs back', () => {
    const watch = new SessionWatch();
    for (let index = 0; index < 5; index++)
      watch.add(opened(T0 + index * 1000, 'CORP\\mweber', `s${index}`, '10.0.0.9'), 'QS1');
    expect(watch.settle().map((alert) => alert.cause)).toEqual(['at-limit']);
    watch.add(closed(T0 + 10_000, 's0'), 'QS1');
    watch.add(closed(T0 + 11_000, 's1'), 'QS1');
    expect(watch.settle()).toMatchObject([{ cause: 'count-dropped', count: 3 }]);
    watch.add(opened(T0 + 20_000, 'CORP\\mweber', 's5', '10.0.0.9'), 'QS1');
    watch.add(opened(T0 + 21_000, 'CORP\\mweber', 's6', '10.0.0.9'), 'QS1');
    expect(watch.settle()).toMatchObject([{ cause: 'at-limit', count: 5 }]);
  });

  it('names a script when one client opens the sessions within a minute', () => {
    const watch = new SessionWatch();
    for (let index = 0; index < 5; index++)
      watch.add(opened(T0 + index * 2000, 'CORP\\etl_bot', `s${index}`, '10.1.1.1'), 'QS1');
    expect(watch.settle()).toMatchObject([{ cause: 'at-limit', likely: 'script' }]);
  });

  it("names the service account when the sessions are the Monitoring apps' local REST calls or the account is configured", () => {
    const local = new SessionWatch();
    for (let index = 0; index < 5; index++)
      local.add(opened(T0 + index * 20_000, 'DOMAIN\\qvservice', `s${index}`, '::1', '/qrs/app/full'), 'QS1');
    expect(local.settle()).toMatchObject([{ likely: 'service-account' }]);
    const configured = new SessionWatch({ serviceAccounts: ['domain\\QVSERVICE'] });
    for (let index = 0; index < 5; index++)
      configured.add(opened(T0 + index * 120_000, 'DOMAIN\\qvservice', `s${index}`, `10.0.0.${index}`), 'QS1');
    expect(configured.settle()).toMatchObject([{ likely: 'service-account' }]);
  });

  it('reports a refusal at the limit once, though the repository and the licence log both write it', () => {
    const watch = new SessionWatch();
    const denial: LogEvent = {
      kind: 'license-denied',
      at: T0,
      user: 'CORP\\mweber',
      sessionId: 'x',
      sessionCount: 5,
      client: '::ffff:10.0.0.5',
      reason: 'limit',
    };
    watch.add(denial, 'QS1');
    watch.add({ ...denial, at: T0 + 40 }, 'QS1');
    watch.add({ ...denial, sessionId: 'y', reason: 'no-access-pass', sessionCount: null }, 'QS1');
    expect(watch.settle()).toMatchObject([{ cause: 'refused', user: 'CORP\\mweber', count: 5 }]);
  });

  it('raises a problem when the service account is granted a licence, known from the ServiceUser column', () => {
    const watch = new SessionWatch();
    watch.add({ kind: 'service-user', user: 'DOMAIN\\qvservice' }, 'QS1');
    watch.add(
      { kind: 'license-granted', at: T0, user: 'DOMAIN\\qvservice', sessionId: 's1', sessionCount: 1, client: '::1' },
      'QS1',
    );
    watch.add(
      { kind: 'license-granted', at: T0, user: 'CORP\\mweber', sessionId: 's2', sessionCount: 1, client: '10.0.0.1' },
      'QS1',
    );
    expect(watch.settle().map((alert) => [alert.cause, alert.user])).toEqual([
      ['service-account-licensed', 'DOMAIN\\qvservice'],
    ]);
  });

  it('spots a burst of new sessions right after an invalid cookie', () => {
    const watch = new SessionWatch();
    watch.add({ kind: 'session-invalid', at: T0, user: 'CORP\\jdoe', sessionId: 'old' }, 'QS1');
    for (let index = 0; index < 3; index++)
      watch.add(opened(T0 + 1000 + index * 500, 'CORP\\jdoe', `n${index}`, '10.0.0.7'), 'QS1');
    expect(watch.settle()).toMatchObject([{ cause: 'cookie-burst', user: 'CORP\\jdoe', count: 3 }]);
  });

  it('builds the counts from history without alerting on it', () => {
    const watch = new SessionWatch({ quietBefore: T0 + 60_000 });
    for (let index = 0; index < 5; index++) watch.add(opened(T0 + index * 1000, 'CORP\\mweber', `s${index}`), 'QS1');
    expect(watch.settle()).toEqual([]);
    expect(watch.openCount('corp\\MWEBER')).toBe(5);
    watch.add(opened(T0 + 120_000, 'CORP\\mweber', 's5'), 'QS1');
    expect(watch.settle()).toMatchObject([{ cause: 'at-limit', count: 6 }]);
    // A user at the limit only in history is never followed by a "count dropped" when those sessions end.
    for (let index = 0; index < 5; index++) watch.add(opened(T0 + index * 1000, 'CORP\\old', `o${index}`), 'QS1');
    watch.settle();
    for (let index = 0; index < 5; index++) watch.add(closed(T0 + 121_000, `o${index}`), 'QS1');
    expect(watch.settle()).toEqual([]);
  });

  it('holds only what is open: closed and idle sessions are dropped as the log time moves on', () => {
    const watch = new SessionWatch();
    for (let index = 0; index < 10_000; index++) {
      watch.add(opened(T0 + index * 1000, `CORP\\u${index % 50}`, `s${index}`), 'QS1');
      if (index >= 10) watch.add(closed(T0 + index * 1000, `s${index - 10}`), 'QS1');
      if (index % 100 === 0) watch.settle();
    }
    watch.settle();
    expect(watch.openSessions).toBe(10);
    // Closed ids of the last ten minutes (600 at one a second), plus the few users and sessions still open.
    expect(watch.retained).toBeLessThan(700);
  });
});
