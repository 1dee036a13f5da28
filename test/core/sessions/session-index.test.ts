import { describe, expect, it } from 'vitest';
import { SessionIndex } from '../../../src/core/sessions/session-index.js';

/** A value the index holds, with the hashes `add` gave its id (what `remove` takes). */
interface Held {
  readonly value: number;
  readonly a: number;
  readonly b: number;
}

function added(index: SessionIndex, id: string, value: number): Held {
  index.add(id, value);
  return { value, a: index.lastA, b: index.lastB };
}

describe('SessionIndex', () => {
  it('finds what was added and forgets what was removed, as a Map would, through growth and many deletions', () => {
    const index = new SessionIndex();
    const reference = new Map<string, Held>();
    let seed = 7;
    let next = 0;
    const random = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296;
    for (let step = 0; step < 20_000; step++) {
      const id = `${Math.floor(random() * 3000).toString(16)}-session`;
      const held = reference.get(id);
      if (held === undefined) {
        expect(index.get(id)).toBe(-1);
        reference.set(id, added(index, id, next++));
      } else if (random() < 0.7) {
        expect(index.remove(held.a, held.b, held.value)).toBe(true);
        reference.delete(id);
      }
      if (step % 997 === 0) {
        for (const [key, entry] of reference) expect(index.get(key)).toBe(entry.value);
        expect(index.size).toBe(reference.size);
      }
    }
    expect([...index.values()].sort((a, b) => a - b)).toEqual(
      [...reference.values()].map((entry) => entry.value).sort((a, b) => a - b),
    );
    expect(index.get('never-added')).toBe(-1);
  });

  it('removes a value only once, and clear empties it', () => {
    const index = new SessionIndex();
    const id = '8f1b0a9c-5b1e-4f5e-9d0a-1c2b3d4e5f60';
    const first = added(index, id, 0);
    expect(index.remove(first.a, first.b, 0)).toBe(true);
    expect(index.remove(first.a, first.b, 0)).toBe(false);
    added(index, id, 0);
    index.clear();
    expect(index.size).toBe(0);
    expect(index.get(id)).toBe(-1);
  });

  it('adds under the id a lookup did not find, with the hashes adding it by its id gives', () => {
    const byId = new SessionIndex();
    const afterMiss = new SessionIndex();
    for (let value = 0; value < 3000; value++) {
      const id = `${value.toString(36)}-0c1d-4e5f-8a9b-${'0'.repeat(value % 13)}`;
      const held = added(byId, id, value);
      expect(afterMiss.get(id)).toBe(-1);
      afterMiss.addMissed(value);
      expect([afterMiss.lastA, afterMiss.lastB]).toEqual([held.a, held.b]);
      expect(afterMiss.get(id)).toBe(value);
    }
    expect(afterMiss.size).toBe(3000);
  });
});
