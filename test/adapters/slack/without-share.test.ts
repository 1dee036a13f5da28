import { describe, expect, it } from 'vitest';
import { withoutShare } from '../../../src/adapters/slack/command-listener.js';
import type { Reply } from '../../../src/bot/reply.js';

const adminAnswer: Reply = {
  tone: 'live',
  headline: 'CORP\\mweber has 5 live sessions.',
  sections: [],
  facts: null,
  entries: [],
  caveats: [],
  actions: [
    { kind: 'feedback', topic: 'sessions' },
    { kind: 'share-in-channel' },
    { kind: 'end-sessions', user: 'CORP\\mweber', liveSessions: 5 },
  ],
};

describe('withoutShare', () => {
  it('keeps an admin-only "End sessions" button and the share button out of what is posted in the channel', () => {
    expect(withoutShare(adminAnswer).actions).toEqual([{ kind: 'feedback', topic: 'sessions' }]);
    expect(withoutShare(adminAnswer).headline).toBe(adminAnswer.headline);
  });
});
