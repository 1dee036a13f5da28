import { describe, expect, it } from 'vitest';
import type { LogEvent } from '../../../src/core/logs/index.js';
import { DEFAULT_INACTIVITY_TIMEOUT_MS, SessionTracker } from '../../../src/core/sessions/index.js';
import { peakParallel, type SessionSpan } from '../../support/peak-parallel.js';

const START = Date.UTC(2024, 2, 12, 0, 0, 0);
const MINUTE = 60_000;

function opened(at: number, sessionId: string | null, user = 'CORP\\anna'): LogEvent {
  return { kind: 'session-opened', at, user, sessionId, via: 'start', client: null, context: null, node: null };
}

function closed(at: number, sessionId: string, user = 'CORP\\anna'): LogEvent {
  return { kind: 'session-closed', at, user, sessionId, via: 'stop' };
}

/** Events in time order, ends before starts at one instant: the order `readLogInputs` delivers them in. */
function inTimeOrder(events: LogEvent[]): LogEvent[] {
  const at = (event: LogEvent): number =>
    event.kind === 'reload' ? event.stop : event.kind === 'service-user' ? 0 : event.at;
  return events.sort(
    (a, b) => at(a) - at(b) || (a.kind === 'session-closed' ? 0 : 1) - (b.kind === 'session-closed' ? 0 : 1),
  );
}

/** mulberry32: the same sessions on every run. */
function randomFrom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Sessions that start in the excerpt, start before it (only their end is seen) or never end in it. */
function randomSessions(seed: number): { spans: SessionSpan[]; events: LogEvent[] } {
  const random = randomFrom(seed);
  const spans: SessionSpan[] = [];
  const events: LogEvent[] = [];
  for (let index = 0; index < 60; index++) {
    const id = `s${index}`;
    const open = START + Math.floor(random() * 8 * 60) * MINUTE;
    const close = open + Math.floor(1 + random() * 90) * MINUTE;
    const shape = random();
    if (shape < 0.15) {
      spans.push({ opened: Number.NaN, closed: close });
      events.push(closed(close, id));
    } else if (shape < 0.25) {
      spans.push({ opened: open, closed: Number.NaN });
      events.push(opened(open, id));
    } else {
      spans.push({ opened: open, closed: close });
      events.push(opened(open, id), closed(close, id));
    }
  }
  return { spans, events: inTimeOrder(events) };
}

describe('SessionTracker', () => {
  it.for([1, 2, 3, 4, 5, 6, 7, 8])(
    'counts the same peak as peakParallel over all the sessions at once (seed %i)',
    (seed) => {
      const { spans, events } = randomSessions(seed);
      const tracker = new SessionTracker();
      for (const event of events) tracker.add(event);
      const timelines = tracker.timelines();
      const expected = peakParallel(spans);
      // A peak reached before the excerpt is reported at its first instant.
      expect(timelines.users[0]).toMatchObject({
        peak: expected.peak,
        peakAt: Number.isFinite(expected.peakAt) ? expected.peakAt : timelines.from,
        sessionsStarted: spans.filter((span) => !Number.isNaN(span.opened)).length,
        sessionsBeforeExcerpt: spans.filter((span) => Number.isNaN(span.opened)).length,
      });
    },
  );

  it('takes every session to end 30 minutes after its start when no line ends any', () => {
    const tracker = new SessionTracker();
    const starts = [0, 10, 20, 31, 45].map((minutes) => START + minutes * MINUTE);
    starts.forEach((at, index) => tracker.add(opened(at, `s${index}`)));
    const timelines = tracker.timelines();
    const expected = peakParallel(starts.map((at) => ({ opened: at, closed: at + DEFAULT_INACTIVITY_TIMEOUT_MS })));
    expect(timelines.assumedTimeouts).toBe(true);
    expect(timelines.users[0]).toMatchObject({ peak: expected.peak, peakAt: expected.peakAt });
    expect(expected.peak).toBe(3);
  });

  it('holds only the open sessions: 200,000 sessions one after another keep a handful of records', () => {
    const tracker = new SessionTracker();
    const users = ['CORP\\anna', 'CORP\\omar', 'CORP\\lee'];
    let retained = 0;
    let starts = 0;
    // Generated lazily: the events are never held as a whole either.
    function* events(): Generator<LogEvent> {
      for (let index = 0; index < 200_000; index++) {
        const at = START + index * 2 * MINUTE;
        const user = users[index % users.length] as string;
        yield opened(at, `s${index}`, user);
        yield {
          kind: 'license-granted',
          at: at + 60,
          user,
          sessionId: `s${index}`,
          sessionCount: 1,
          client: '10.0.0.7',
        };
        yield closed(at + MINUTE, `s${index}`, user);
      }
    }
    for (const event of events()) {
      tracker.add(event);
      retained = Math.max(retained, tracker.held().sessions);
      starts = Math.max(starts, tracker.held().startQueue + tracker.held().reloads);
    }
    const timelines = tracker.timelines();
    expect(timelines.users.map((user) => user.sessionsStarted).reduce((sum, count) => sum + count, 0)).toBe(200_000);
    expect(timelines.users.map((user) => user.peak)).toEqual([1, 1, 1]);
    // The open session and those closed within the last minute; the starts of the last three hours (for reload windows).
    expect(retained).toBeLessThanOrEqual(2);
    expect(starts).toBeLessThanOrEqual(3 * 30 + 2);
  });

  it('counts a denial written to several files within a second once, and again when it is repeated later', () => {
    const tracker = new SessionTracker();
    const denial = (at: number): LogEvent => ({
      kind: 'license-denied',
      at,
      user: 'CORP\\anna',
      sessionId: 's1',
      sessionCount: 5,
      client: null,
      reason: 'limit',
    });
    for (const at of [START, START + 400, START + 900, START + 10 * MINUTE]) tracker.add(denial(at));
    expect(tracker.timelines().users[0]).toMatchObject({ denied: 2, limitDenials: 2, firstLimitDenialAt: START });
  });

  it('ties the starts to a reload window reported when the reload ended, and finds the burst after an invalid cookie', () => {
    const tracker = new SessionTracker();
    const service = 'CORP\\qlikservice';
    const events: LogEvent[] = [
      { kind: 'session-invalid', at: START, user: 'CORP\\kim', sessionId: 'old' },
      ...[1, 2, 3].map((second) => opened(START + second * 1000, `k${second}`, 'CORP\\kim')),
      ...[5, 7, 9].map((second) => opened(START + second * 1000, `q${second}`, service)),
      {
        kind: 'reload',
        taskName: 'Reload License Monitor',
        start: START,
        stop: START + 14_000,
        status: 'FinishedSuccess',
      },
      opened(START + 18_000, 'q18', service),
      opened(START + 40_000, 'q40', service),
    ];
    for (const event of events) tracker.add(event);
    const [kim, qlik] = tracker.timelines().users;
    expect(kim?.invalidCookieBurst).toEqual({ at: START, sessions: 3 });
    expect(qlik?.reloadMatches).toEqual({ sessions: 4, tasks: ['Reload License Monitor'] });
  });
});

describe('SessionTracker automation bursts', () => {
  const from = (at: number, id: string, user: string, client: string): LogEvent => ({
    kind: 'session-opened',
    at,
    user,
    sessionId: id,
    via: 'login',
    client,
    context: null,
    node: null,
  });

  function burstsOf(events: LogEvent[]): Map<string, { sessions: number; at: number; client: string } | null> {
    const tracker = new SessionTracker();
    for (const event of inTimeOrder(events)) tracker.add(event);
    return new Map(tracker.timelines().users.map((user) => [user.user, user.automationBurst]));
  }

  it('finds five starts from one client within a minute among other users and clients', () => {
    const events: LogEvent[] = [];
    for (let index = 0; index < 6; index++) {
      events.push(from(START + index * 11_000, `a${index}`, 'CORP\\svc-mashup', '10.0.0.9'));
      events.push(from(START + index * 11_000 + 500, `b${index}`, 'CORP\\bob', `10.1.0.${index}`));
      events.push(from(START + index * 11_000 + 700, `c${index}`, 'CORP\\svc-mashup', `10.2.0.${index}`));
    }
    const bursts = burstsOf(events);
    expect(bursts.get('CORP\\svc-mashup')).toEqual({ sessions: 6, at: START, client: '10.0.0.9' });
    expect(bursts.get('CORP\\bob')).toBeNull();
  });

  it('does not count starts more than a minute apart into one burst, and starts over after a quiet minute', () => {
    const slow = [0, 20_000, 40_000, 60_000, 61_000].map((offset, index) =>
      from(START + offset, `s${index}`, 'CORP\\anna', '10.0.0.1'),
    );
    expect(burstsOf(slow).get('CORP\\anna')).toBeNull();
    const later = [0, 1, 2, 3, 4].map((index) =>
      from(START + 10 * MINUTE + index * 1000, `t${index}`, 'CORP\\anna', '10.0.0.1'),
    );
    expect(burstsOf([...slow, ...later]).get('CORP\\anna')).toEqual({
      sessions: 5,
      at: START + 10 * MINUTE,
      client: '10.0.0.1',
    });
  });
});

describe('SessionTracker on a long excerpt with no end lines', () => {
  it('holds a bounded number of sessions and gives the figures of holding them all', () => {
    const tracker = new SessionTracker();
    const users = ['CORP\\anna', 'CORP\\bob', 'CORP\\kim', 'CORP\\svc'];
    // A start every second for a day, each user every four seconds: no line ever ends a session.
    const starts = 24 * 60 * 60;
    let mostHeld = 0;
    for (let second = 0; second < starts; second++) {
      tracker.add(opened(START + second * 1000, `s${second}`, users[second % 4]));
      if (second % 1000 === 0) mostHeld = Math.max(mostHeld, tracker.held().sessions);
    }
    expect(mostHeld).toBeLessThanOrEqual(50_001);
    expect(tracker.held().unended).toBeLessThanOrEqual(50_001);
    const timelines = tracker.timelines();
    expect(timelines.assumedTimeouts).toBe(true);
    for (const user of timelines.users) {
      expect(user.sessionsStarted).toBe(starts / 4);
      // Each session taken to end 30 minutes after its start: 450 of a user's starts four seconds apart overlap.
      expect(user.peak).toBe(DEFAULT_INACTIVITY_TIMEOUT_MS / 4000);
      expect(user.sessions.length + user.omittedSessions).toBe(starts / 4);
      expect(user.sessions.every((session) => session.ending === 'assumed-timeout')).toBe(true);
    }
  });
});
