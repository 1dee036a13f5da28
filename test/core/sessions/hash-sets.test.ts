import { describe, expect, it } from 'vitest';
import { HashSets } from '../../../src/core/sessions/hash-sets.js';

describe('HashSets', () => {
  it('counts distinct hashes per user up to the cap, whatever order users come in', () => {
    const sets = new HashSets(64);
    for (let round = 0; round < 3; round++) {
      for (let user = 999; user >= 0; user--) {
        for (let client = 0; client < 70; client++) sets.add(user, (user * 7919 + client) >>> 0);
      }
    }
    for (const user of [0, 1, 500, 999]) expect(sets.sizeOf(user)).toBe(64);
    expect(sets.sizeOf(5000)).toBe(0);
  });

  it('says whether a hash was new, and keeps users apart', () => {
    const sets = new HashSets(3);
    expect(sets.add(1, 42)).toBe(true);
    expect(sets.add(1, 42)).toBe(false);
    expect(sets.add(2, 42)).toBe(true);
    expect(sets.add(1, 7)).toBe(true);
    expect(sets.add(1, 8)).toBe(true);
    expect(sets.add(1, 9)).toBe(false);
    expect([sets.sizeOf(1), sets.sizeOf(2)]).toEqual([3, 1]);
  });
});

describe('HashSets memory', () => {
  it('drops the blocks users outgrew when its pool fills', () => {
    const sets = new HashSets(64);
    // Users growing one hash at a time, interleaved: each moves through blocks of 8, 16, 32 and 64.
    for (let client = 0; client < 64; client++) for (let user = 0; user < 2000; user++) sets.add(user, client + 1);
    for (const user of [0, 999, 1999]) expect(sets.sizeOf(user)).toBe(64);
    expect(sets.add(1999, 5)).toBe(false);
    // Every block ever made (8 + 16 + 32 + 64 per user) would be 240,000 slots; what is live is 128,000.
    const held = sets.heldEntries();
    expect(held).toBeGreaterThanOrEqual(64 * 2000);
    expect(held).toBeLessThan(120 * 2000 * 0.75);
  });
});
