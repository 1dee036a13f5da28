import { describe, expect, it } from 'vitest';
import { AutoReplyGuard } from '../../../src/adapters/slack/auto-reply-guard.js';
import { DeliveryDedup, eventKey, messageKey } from '../../../src/adapters/slack/delivery-dedup.js';

function clock(start = 0) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('DeliveryDedup', () => {
  it('lets a key through once within the TTL and again after it', () => {
    const time = clock();
    const dedup = new DeliveryDedup(time.now, 1000);
    expect(dedup.firstTime(eventKey('Ev1'))).toBe(true);
    expect(dedup.firstTime(eventKey('Ev1'))).toBe(false);
    expect(dedup.firstTime(messageKey('C1', '1.1'))).toBe(true);
    time.advance(1001);
    expect(dedup.firstTime(eventKey('Ev1'))).toBe(true);
  });

  it('stays bounded', () => {
    const dedup = new DeliveryDedup(() => 0, 60_000, 3);
    for (const id of ['a', 'b', 'c', 'd', 'e']) dedup.firstTime(id);
    expect(dedup.firstTime('a')).toBe(true);
    expect(dedup.firstTime('e')).toBe(false);
  });
});

describe('AutoReplyGuard', () => {
  it('allows one auto-reply per thread and one per channel per cooldown', () => {
    const time = clock();
    const guard = new AutoReplyGuard(time.now, 60_000);
    expect(guard.claim('C1', 't1')).toBe(true);
    expect(guard.claim('C1', 't1')).toBe(false);
    expect(guard.claim('C1', 't2')).toBe(false);
    expect(guard.claim('C2', 't3')).toBe(true);
    time.advance(60_001);
    expect(guard.claim('C1', 't2')).toBe(true);
    expect(guard.claim('C1', 't1')).toBe(false);
  });

  it('treats a thread the bot answered on request as answered', () => {
    const guard = new AutoReplyGuard(() => 0);
    guard.markAnswered('C1', 't1');
    expect(guard.claim('C1', 't1')).toBe(false);
  });
});
