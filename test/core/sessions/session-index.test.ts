import { describe, expect, it } from 'vitest';
import { SessionIndex } from '../../../src/core/sessions/session-index.js';

interface Entry {
  keyA: number;
  keyB: number;
  readonly id: string;
}

const entry = (id: string): Entry => ({ keyA: 0, keyB: 0, id });

describe('SessionIndex', () => {
  it('finds what was added and forgets what was removed, as a Map would, through growth and many deletions', () => {
    const index = new SessionIndex<Entry>();
    const reference = new Map<string, Entry>();
    let seed = 7;
    const random = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296;
    for (let step = 0; step < 20_000; step++) {
      const id = `${Math.floor(random() * 3000).toString(16)}-session`;
      const held = reference.get(id);
      if (held === undefined) {
        const added = entry(id);
        index.add(id, added);
        reference.set(id, added);
      } else if (random() < 0.7) {
        expect(index.remove(held)).toBe(true);
        reference.delete(id);
      }
      if (step % 997 === 0) {
        for (const [key, value] of reference) expect(index.get(key)).toBe(value);
        expect(index.size).toBe(reference.size);
      }
    }
    expect([...index.values()].sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      [...reference.values()].sort((a, b) => a.id.localeCompare(b.id)),
    );
    expect(index.get('never-added')).toBeUndefined();
  });

  it('removes a value only once, and clear empties it', () => {
    const index = new SessionIndex<Entry>();
    const first = entry('8f1b0a9c-5b1e-4f5e-9d0a-1c2b3d4e5f60');
    index.add(first.id, first);
    expect(index.remove(first)).toBe(true);
    expect(index.remove(first)).toBe(false);
    index.add(first.id, first);
    index.clear();
    expect(index.size).toBe(0);
    expect(index.get(first.id)).toBeUndefined();
  });
});
