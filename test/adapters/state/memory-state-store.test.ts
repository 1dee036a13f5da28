import { describe, expect, it } from 'vitest';
import { createMemoryStateStore } from '../../../src/adapters/state/index.js';
import { describeStateStoreContract } from '../../support/state-store-contract.js';

function clock(start = 1_700_000_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describeStateStoreContract('memory store', async () => createMemoryStateStore());

describe('createMemoryStateStore', () => {
  it('forgets a claim or a value when its TTL has passed, on the injected clock', async () => {
    const time = clock();
    const store = createMemoryStateStore({ now: time.now });
    expect(await store.claim('dedup:Ev1', 1000)).toBe(true);
    await store.set('share:a', 'reply', 1000);
    time.advance(999);
    expect(await store.claim('dedup:Ev1', 1000)).toBe(false);
    expect(await store.get('share:a')).toBe('reply');
    time.advance(1);
    expect(await store.claim('dedup:Ev1', 1000)).toBe(true);
    expect(await store.get('share:a')).toBeUndefined();
  });

  it('stays within maxKeys by dropping the key written longest ago', async () => {
    const store = createMemoryStateStore({ maxKeys: 3 });
    for (const key of ['a', 'b', 'c', 'd']) await store.set(key, key, 60_000);
    expect(await store.get('a')).toBeUndefined();
    expect([await store.get('b'), await store.get('c'), await store.get('d')]).toEqual(['b', 'c', 'd']);
  });

  it('drops expired keys before live ones when full', async () => {
    const time = clock();
    const store = createMemoryStateStore({ now: time.now, maxKeys: 3 });
    await store.set('old-but-kept', 'x');
    await store.set('short', 'x', 10);
    await store.set('long', 'x', 60_000);
    time.advance(11);
    await store.set('new', 'x', 60_000);
    expect(await store.get('old-but-kept')).toBe('x');
    expect(await store.get('long')).toBe('x');
    expect(await store.get('new')).toBe('x');
  });

  it('after a burst of 10,000 deliveries still refuses the redelivery of the first ones', async () => {
    const time = clock();
    const store = createMemoryStateStore({ now: time.now });
    for (let n = 0; n < 10_000; n += 1) {
      expect(await store.claim(`dedup:event:Ev${n}`, 60 * 60_000)).toBe(true);
      time.advance(10);
    }
    const redelivered = await Promise.all(
      Array.from({ length: 200 }, (_, n) => store.claim(`dedup:event:Ev${n}`, 60 * 60_000)),
    );
    expect(redelivered.filter(Boolean)).toHaveLength(0);
  });

  it('lets the memory of a burst go once its TTL has passed, so the map does not keep growing', async () => {
    const time = clock();
    const store = createMemoryStateStore({ now: time.now, maxKeys: 1000 });
    for (let n = 0; n < 900; n += 1) await store.claim(`thread:${n}`, 1000);
    time.advance(61_000);
    for (let n = 0; n < 900; n += 1) expect(await store.claim(`other:${n}`, 1000)).toBe(true);
    // The old keys expired and were swept, so none of the new ones pushed a live key out.
    for (let n = 0; n < 900; n += 1) expect(await store.claim(`other:${n}`, 1000)).toBe(false);
  });

  it('refuses a key used as two kinds, as Redis does', async () => {
    const store = createMemoryStateStore();
    await store.set('feedback', 'x');
    await expect(store.incrementField('feedback', 'a:helpful')).rejects.toThrow(/holds a value, not a hash/);
    await expect(store.readRecent('feedback', 1)).rejects.toThrow(/holds a value, not a list/);
  });

  it('refuses to be used after close()', async () => {
    const store = createMemoryStateStore();
    await store.close();
    await expect(store.get('a')).rejects.toThrow(/after close/);
  });
});
