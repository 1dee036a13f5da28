import { describe, expect, it } from 'vitest';
import type { StateStore } from '../../src/bot/index.js';

/** What every StateStore must do, run against each implementation (memory, Redis). */
export function describeStateStoreContract(name: string, open: () => Promise<StateStore>): void {
  describe(`${name}: the StateStore contract`, () => {
    it('lets the first claim of a key win and refuses the others while it lasts', async () => {
      const store = await open();
      expect(await store.claim('dedup:Ev1', 60_000)).toBe(true);
      expect(await store.claim('dedup:Ev1', 60_000)).toBe(false);
      expect(await store.claim('dedup:Ev2', 60_000)).toBe(true);
      expect(await Promise.all([1, 2, 3, 4].map(() => store.claim('dedup:race', 60_000)))).toEqual([
        true,
        false,
        false,
        false,
      ]);
      await store.close();
    });

    it('sets, reads and deletes values, and answers undefined for a missing key', async () => {
      const store = await open();
      expect(await store.get('share:none')).toBeUndefined();
      await store.set('share:a', '{"headline":"x & <y>"}', 60_000);
      await store.set('kept:b', 'kept');
      expect(await store.get('share:a')).toBe('{"headline":"x & <y>"}');
      expect(await store.get('kept:b')).toBe('kept');
      await store.set('kept:b', 'replaced');
      expect(await store.get('kept:b')).toBe('replaced');
      await store.delete('share:a');
      await store.delete('share:never-there');
      expect(await store.get('share:a')).toBeUndefined();
      expect(await store.claim('share:a', 1000)).toBe(true);
      await store.close();
    });

    it('counts fields of a hash', async () => {
      const store = await open();
      expect(await store.readFields('feedback')).toEqual({});
      expect(await store.incrementField('feedback', 'five-session-limit:helpful')).toBe(1);
      expect(await store.incrementField('feedback', 'five-session-limit:helpful')).toBe(2);
      expect(await store.incrementField('feedback', 'limit-reached:not-helpful', 3)).toBe(3);
      expect(await store.readFields('feedback')).toEqual({
        'five-session-limit:helpful': 2,
        'limit-reached:not-helpful': 3,
      });
      await store.close();
    });

    it('keeps the newest entries of a capped list, newest first', async () => {
      const store = await open();
      expect(await store.readRecent('watch:recent-alerts', 10)).toEqual([]);
      for (const n of [1, 2, 3, 4, 5]) await store.pushRecent('watch:recent-alerts', `alert ${n}`, 3);
      expect(await store.readRecent('watch:recent-alerts', 10)).toEqual(['alert 5', 'alert 4', 'alert 3']);
      expect(await store.readRecent('watch:recent-alerts', 2)).toEqual(['alert 5', 'alert 4']);
      await store.close();
    });

    it('refuses arguments that would mean something else (a zero TTL, a fractional increment, keep 0)', async () => {
      const store = await open();
      await expect(store.claim('k', 0)).rejects.toThrow(/ttlMs/);
      await expect(store.set('k', 'v', -5)).rejects.toThrow(/ttlMs/);
      await expect(store.incrementField('h', 'f', 1.5)).rejects.toThrow(/whole numbers/);
      await expect(store.pushRecent('l', 'v', 0)).rejects.toThrow(/keep/);
      await store.close();
    });
  });
}
