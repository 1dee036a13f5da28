import { describe, expect, it } from 'vitest';
import { SharedReplies } from '../../../src/adapters/slack/shared-replies.js';
import type { Reply } from '../../../src/bot/reply.js';

const reply: Reply = { tone: 'answer', headline: 'h', sections: [], facts: null, entries: [], caveats: [], actions: [] };

describe('SharedReplies', () => {
  it('gives a kept reply back once, within 30 minutes', () => {
    let now = 0;
    const shared = new SharedReplies(() => now);
    const first = shared.keep(reply);
    const second = shared.keep(reply);
    expect(shared.take(first)).toBe(reply);
    expect(shared.take(first)).toBeUndefined();
    now = 30 * 60 * 1000;
    expect(shared.take(second)).toBeUndefined();
    expect(shared.take('unknown')).toBeUndefined();
  });

  it('stays bounded', () => {
    const shared = new SharedReplies(() => 0, 60_000, 2);
    const ids = [shared.keep(reply), shared.keep(reply), shared.keep(reply)];
    expect(ids.map((id) => shared.take(id) !== undefined)).toEqual([false, true, true]);
  });
});
