import { describe, expect, it } from 'vitest';
import { AUTOMATION_WINDOW_MS, AutomationFold } from '../../../src/core/sessions/automation-fold.js';
import { clientHash } from '../../../src/core/sessions/client-hash.js';
import { StartRing } from '../../../src/core/sessions/start-ring.js';

const START = Date.UTC(2024, 2, 11, 7);

/** A start from `client`, as the tracker registers one: the client's text is given only for a new largest burst. */
function started(fold: AutomationFold, user: number, client: string, at: number): void {
  if (fold.counted(user, clientHash(client), at)) fold.nameBest(user, client);
}

describe('AutomationFold', () => {
  it('counts a client only once its user has a burst’s worth of starts, and from the whole window', () => {
    const fold = new AutomationFold();
    // Four starts from the script, one from the user's browser: five in the window, but four from one client.
    for (let index = 0; index < 4; index++) started(fold, 0, '10.0.0.9', START + index * 1000);
    started(fold, 0, '10.0.0.1', START + 4000);
    expect(fold.burstOf(0)).toBeNull();
    started(fold, 0, '10.0.0.9', START + 5000);
    expect(fold.burstOf(0)).toEqual({ at: START, sessions: 5, client: '10.0.0.9' });
  });

  it('forgets the per-client counts when the user falls below a burst, and counts afresh when it comes back', () => {
    const fold = new AutomationFold();
    for (let index = 0; index < 5; index++) started(fold, 3, 'a', START + index * 1000);
    expect(fold.burstOf(3)?.sessions).toBe(5);
    // A quiet stretch: the window empties. Then three from `a` and three from `b`: no client reaches five.
    const later = START + 5 * AUTOMATION_WINDOW_MS;
    for (let index = 0; index < 3; index++) {
      started(fold, 3, 'a', later + index * 1000);
      started(fold, 3, 'b', later + index * 1000 + 500);
    }
    expect(fold.burstOf(3)).toEqual({ at: START, sessions: 5, client: 'a' });
    // Three more from `b` within the minute: six from `b`, a larger burst starting at b's first start.
    for (let index = 3; index < 6; index++) started(fold, 3, 'b', later + index * 1000 + 500);
    expect(fold.burstOf(3)).toEqual({ at: later + 500, sessions: 6, client: 'b' });
    expect(fold.heldEntries()).toBeLessThan(20);
  });

  it('keeps users apart however their starts interleave', () => {
    const fold = new AutomationFold();
    for (let index = 0; index < 40; index++) started(fold, index % 10, 'same-address', START + index * 100);
    for (let user = 0; user < 10; user++) expect(fold.burstOf(user)).toBeNull();
  });
});

describe('StartRing', () => {
  it('keeps starts in order across growth and wrap-around', () => {
    const ring = new StartRing();
    for (let index = 0; index < 1500; index++) ring.push(index, index % 7, index * 3);
    for (let index = 0; index < 1000; index++) ring.dropOldest();
    for (let index = 1500; index < 3000; index++) ring.push(index, index % 7, index * 3);
    expect(ring.size).toBe(2000);
    expect(ring.oldestTime()).toBe(1000);
    expect([ring.timeAt(1999), ring.userAt(1999), ring.hashAt(1999)]).toEqual([2999, 2999 % 7, 2999 * 3]);
    while (ring.size > 0) ring.dropOldest();
    expect(ring.oldestTime()).toBe(Number.POSITIVE_INFINITY);
  });
});
