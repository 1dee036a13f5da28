import { describe, expect, it } from 'vitest';
import { LiveCountWatch } from '../../../src/core/watch/index.js';
import { countLiveSessions, type LiveSessionEntry } from '../../../src/core/watch/live-count-watch.js';

function sessions(user: string, count: number, proxy: string, from = 0): LiveSessionEntry[] {
  return Array.from({ length: count }, (_, index) => ({
    user,
    sessionId: `${user}-${proxy}-${from + index}`,
    proxy,
    virtualProxy: '',
  }));
}

describe('countLiveSessions', () => {
  it('adds up a user across nodes and virtual proxies, without regard to case, and counts a repeated listing once', () => {
    const listed = [
      ...sessions('CORP\\mweber', 3, 'https://qs1:4243'),
      ...sessions('corp\\MWEBER', 2, 'https://qs2:4243'),
      ...sessions('CORP\\mweber', 1, 'https://qs1:4243'),
    ];
    expect(countLiveSessions(listed)).toEqual([
      { user: 'CORP\\mweber', count: 5, nodes: ['https://qs1:4243', 'https://qs2:4243'] },
    ]);
  });
});

describe('LiveCountWatch', () => {
  it('warns when a user reaches 5, again only when the count grows, and says when it drops', () => {
    const watch = new LiveCountWatch();
    expect(watch.update({ at: 1, sessions: sessions('CORP\\mweber', 4, 'https://qs1:4243'), partial: false })).toEqual(
      [],
    );
    const round2 = [
      ...sessions('CORP\\mweber', 4, 'https://qs1:4243'),
      ...sessions('CORP\\mweber', 1, 'https://qs2:4243'),
    ];
    expect(watch.update({ at: 2, sessions: round2, partial: false })).toMatchObject([
      { cause: 'at-limit', count: 5, nodes: ['https://qs1:4243', 'https://qs2:4243'], source: 'live' },
    ]);
    expect(watch.update({ at: 3, sessions: round2, partial: false })).toEqual([]);
    expect(
      watch.update({ at: 4, sessions: sessions('CORP\\mweber', 6, 'https://qs1:4243'), partial: false }),
    ).toMatchObject([{ cause: 'at-limit', count: 6 }]);
    expect(watch.update({ at: 5, sessions: [], partial: false })).toMatchObject([{ cause: 'count-dropped', count: 0 }]);
  });

  it('announces no drop from a round where a node did not answer, and keeps its users across a restart', () => {
    const watch = new LiveCountWatch();
    watch.update({ at: 1, sessions: sessions('CORP\\mweber', 5, 'https://qs1:4243'), partial: false });
    expect(watch.update({ at: 2, sessions: sessions('CORP\\mweber', 2, 'https://qs2:4243'), partial: true })).toEqual(
      [],
    );
    const restarted = new LiveCountWatch();
    restarted.restore(watch.snapshot());
    expect(
      restarted.update({ at: 3, sessions: sessions('CORP\\mweber', 5, 'https://qs1:4243'), partial: false }),
    ).toEqual([]);
  });
});
