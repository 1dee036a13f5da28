import { describe, expect, it } from 'vitest';
import { SessionTable } from '../../../src/core/sessions/session-table.js';

describe('SessionTable', () => {
  it('gives a slot back only once neither the index nor a queue holds it', () => {
    const table = new SessionTable();
    const first = table.open(3, 1000, -1);
    table.indexed[first] = 1;
    table.queued[first] = 2;
    table.dequeued(first);
    table.unindexed(first);
    // One queue entry still names it: a new session gets another slot.
    const second = table.open(4, 2000, 0);
    expect(second).not.toBe(first);
    table.dequeued(first);
    const third = table.open(5, 3000, 1);
    expect(third).toBe(first);
    expect([table.user[third], table.opened[third], table.node[third]]).toEqual([5, 3000, 1]);
    expect(Number.isNaN(table.closedAt[third] as number)).toBe(true);
  });

  it('clears what the last session of a slot left in it', () => {
    const table = new SessionTable();
    const slot = table.open(1, 1000, -1);
    table.clients.set(slot, '10.0.0.1');
    table.setUserAgent(slot, 'Mozilla/5.0');
    table.ending[slot] = 2;
    table.forget(slot);
    const again = table.open(2, 2000, -1);
    expect(again).toBe(slot);
    expect(table.clients.has(again)).toBe(false);
    expect(table.userAgent(again)).toBeNull();
    expect(table.ending[again]).toBe(0);
  });

  it('keeps every session through growth, and reuses slots instead of growing', () => {
    const table = new SessionTable();
    const slots: number[] = [];
    for (let user = 0; user < 5000; user++) {
      const slot = table.open(user, user * 10, user % 7);
      table.indexed[slot] = 1;
      table.clients.set(slot, `10.0.${user >> 8}.${user & 255}`);
      slots.push(slot);
    }
    slots.forEach((slot, user) => {
      expect(table.user[slot]).toBe(user);
      expect(table.opened[slot]).toBe(user * 10);
      expect(table.clients.text(slot)).toBe(`10.0.${user >> 8}.${user & 255}`);
    });
    for (const slot of slots) table.unindexed(slot);
    for (let user = 0; user < 5000; user++) table.open(user, 0, -1);
    expect(table.capacity).toBe(5000);
  });
});
