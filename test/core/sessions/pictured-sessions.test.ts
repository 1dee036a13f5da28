import { describe, expect, it } from 'vitest';
import { PicturedSessions } from '../../../src/core/sessions/pictured-sessions.js';
import { SlotTexts } from '../../../src/core/sessions/slot-texts.js';

describe('PicturedSessions', () => {
  const clients = new SlotTexts();
  clients.ensure(4);
  clients.set(0, '::ffff:10.21.63.52');
  clients.set(1, 'z'.repeat(60));

  it('gives each record back as the picture draws it, its client from the texts or else its browser', () => {
    const records = new PicturedSessions();
    const withAddress = records.add(1_000, 2_000, 'timed-out', 'QS1', clients, 0, 'Firefox');
    const withLongAddress = records.add(Number.NaN, Number.NaN, 'open-at-end', null, clients, 1, null);
    const withBrowser = records.add(3_000, 4_000, 'proxy-stopped', 'QS2', clients, 2, 'Chrome/120');
    const withNothing = records.add(5_000, 6_000, 'assumed-timeout', null, clients, 3, null);
    expect(records.session(withAddress)).toEqual({
      start: 1_000,
      end: 2_000,
      ending: 'timed-out',
      node: 'QS1',
      client: '::ffff:10.21.63.52',
    });
    expect(records.session(withLongAddress)).toEqual({
      start: Number.NaN,
      end: Number.NaN,
      ending: 'open-at-end',
      node: null,
      client: 'z'.repeat(60),
    });
    expect(records.session(withBrowser)).toMatchObject({ ending: 'proxy-stopped', node: 'QS2', client: 'Chrome/120' });
    expect(records.session(withNothing)).toMatchObject({ ending: 'assumed-timeout', client: null });
    expect([records.start(withBrowser), records.end(withBrowser)]).toEqual([3_000, 4_000]);
  });

  it('takes a released record again, with nothing of what it held before', () => {
    const records = new PicturedSessions();
    const first = records.add(1_000, 2_000, 'stopped', 'QS1', clients, 2, 'Chrome/120');
    records.release(first);
    const again = records.add(7_000, 8_000, 'stopped', null, clients, 3, null);
    expect(again).toBe(first);
    expect(records.session(again)).toEqual({ start: 7_000, end: 8_000, ending: 'stopped', node: null, client: null });
  });

  it('keeps every record through growth', () => {
    const records = new PicturedSessions();
    const made = Array.from({ length: 3_000 }, (_, index) =>
      records.add(index, index + 1, 'stopped', `QS${index % 3}`, clients, index % 2, null),
    );
    made.forEach((record, index) => {
      expect(records.session(record)).toMatchObject({ start: index, end: index + 1, node: `QS${index % 3}` });
      expect(records.session(record).client).toBe(index % 2 === 0 ? '::ffff:10.21.63.52' : 'z'.repeat(60));
    });
  });
});
