import { describe, expect, it } from 'vitest';
import { renderReplyText } from '../../../src/adapters/console/render-reply-text.js';
import type { Reply } from '../../../src/bot/reply.js';
import { link } from '../../../src/bot/index.js';

const reply: Reply = {
  tone: 'verdict',
  headline: 'CORP\\jdoe was denied at the five-session limit at 2024-03-12 08:08:47 UTC.',
  sections: [
    {
      title: 'Fix',
      paragraphs: ['Close the other browsers.'],
      steps: ['Log out everywhere.', ['Read ', link('How to count sessions', 'https://example.test/count')]],
    },
  ],
  facts: {
    columns: ['user', 'peak'],
    rows: [
      ['CORP\\jdoe', '5'],
      ['CORP\\anna\u001b[31m', '1'],
    ],
  },
  entries: [
    {
      id: 'five-session-limit',
      title: 'Five sessions',
      sources: [{ title: 'Qlik help', url: 'https://help.example.test' }],
    },
  ],
  caveats: ['Counts are lower bounds.'],
  actions: [],
};

describe('renderReplyText', () => {
  it('lays out headline, table, steps, caveats and sources without colour', () => {
    expect(renderReplyText(reply)).toMatchInlineSnapshot(`
      "CORP\\jdoe was denied at the five-session limit at 2024-03-12 08:08:47 UTC.

      user           peak
      -------------  ----
      CORP\\jdoe      5
      CORP\\anna[31m  1

      Fix
      Close the other browsers.
        1. Log out everywhere.
        2. Read How to count sessions (https://example.test/count)

      Caveats
        - Counts are lower bounds.

      Knowledge: five-session-limit (Five sessions)
      Sources:
        - Qlik help: https://help.example.test
      "
    `);
  });

  it('adds ANSI bold only when colour is asked for', () => {
    expect(renderReplyText(reply, { color: true })).toContain('\u001b[1mFix\u001b[0m');
    expect(renderReplyText(reply)).not.toContain('\u001b');
  });
});

describe('renderReplyText sources', () => {
  it('lists a source cited by several entries once', () => {
    const shared = { title: 'Qlik help', url: 'https://help.example.test' };
    const text = renderReplyText({
      ...reply,
      entries: [
        { id: 'a', title: 'A', sources: [shared] },
        { id: 'b', title: 'B', sources: [shared, { title: 'Other', url: 'https://other.example.test' }] },
      ],
    });
    expect(text.match(/help\.example\.test/g)).toHaveLength(1);
    expect(text).toContain('  - Other: https://other.example.test');
  });

  it('shows every source of a single entry, but only the first two of each when several entries are cited', () => {
    const sources = (prefix: string) =>
      [1, 2, 3].map((n) => ({ title: `${prefix} ${n}`, url: `https://example.test/${prefix}/${n}` }));
    const single = renderReplyText({ ...reply, entries: [{ id: 'a', title: 'A', sources: sources('a') }] });
    expect(single).toContain('https://example.test/a/3');
    const several = renderReplyText({
      ...reply,
      entries: [
        { id: 'a', title: 'A', sources: sources('a') },
        { id: 'b', title: 'B', sources: sources('b') },
      ],
    });
    expect(several).toContain('https://example.test/b/2');
    expect(several).not.toContain('https://example.test/a/3');
    expect(several).not.toContain('https://example.test/b/3');
  });
});
