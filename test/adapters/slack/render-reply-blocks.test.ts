import { describe, expect, it } from 'vitest';
import {
  BLOCK_KIT_LIMITS,
  clampText,
  fitBlocks,
  splitSectionText,
} from '../../../src/adapters/slack/block-kit-limits.js';
import { renderNotice, renderReplyBlocks } from '../../../src/adapters/slack/render-reply-blocks.js';
import type { Reply } from '../../../src/bot/reply.js';
import { link } from '../../../src/bot/index.js';
import { code, strong } from '../../../src/core/text/index.js';

const verdict: Reply = {
  tone: 'verdict',
  headline: 'CORP\\mweber was denied at the five-session limit at 2024-03-12 08:08:47 UTC.',
  sections: [
    {
      title: 'Fix',
      paragraphs: [['Each browser counts as one session; ', strong('tabs do not'), '.']],
      steps: [
        'Close the other browsers & incognito windows.',
        ['Count live sessions: ', code('qlik-sessions sessions CORP\\mweber')],
      ],
    },
  ],
  facts: {
    columns: ['user', 'peak', 'denied'],
    rows: [
      ['CORP\\mweber', '5', '1'],
      ['CORP\\anna', '2', '0'],
    ],
  },
  entries: [
    {
      id: 'five-session-limit',
      title: 'The five-session limit',
      sources: [{ title: 'Qlik help', url: 'https://help.qlik.com/x' }],
    },
  ],
  caveats: ['Sessions opened before the excerpt are not counted.'],
  actions: [
    { kind: 'feedback', topic: 'limit-reached' },
    { kind: 'end-sessions', user: 'CORP\\mweber', liveSessions: 5 },
  ],
};

function allText(value: unknown): string {
  return JSON.stringify(value);
}

function assertWithinLimits(blocks: readonly { type: string; text?: { text: string } }[]): void {
  expect(blocks.length).toBeLessThanOrEqual(BLOCK_KIT_LIMITS.blocksPerMessage);
  for (const block of blocks) {
    if (block.type === 'header') expect(block.text?.text.length ?? 0).toBeLessThanOrEqual(BLOCK_KIT_LIMITS.headerText);
    if (block.type === 'section')
      expect(block.text?.text.length ?? 0).toBeLessThanOrEqual(BLOCK_KIT_LIMITS.sectionText);
  }
}

describe('renderReplyBlocks', () => {
  it('renders a verdict: header, facts table, fix, sources, caveats and buttons', () => {
    expect(renderReplyBlocks(verdict)).toMatchSnapshot();
  });

  it('renders an answer with a share button carrying the request', () => {
    const answer: Reply = { ...verdict, tone: 'answer', facts: null, actions: [{ kind: 'share-in-channel' }] };
    const message = renderReplyBlocks(answer, { shareValue: 'why five sessions?' });
    expect(message.blocks.at(-1)).toMatchSnapshot();
  });

  it('leaves out the share button when there is nothing to share', () => {
    const message = renderReplyBlocks({ ...verdict, actions: [{ kind: 'share-in-channel' }] });
    expect(message.blocks.some((block) => block.type === 'actions')).toBe(false);
  });

  it.for([
    '<!channel> look',
    '<!here>',
    '<!everyone> hi',
    '<@U123ABC> ping',
    '<!subteam^S123> team',
    '<https://evil.test|click me>',
  ])('never emits markup that came from input: %s', (hostile) => {
    const reply: Reply = {
      ...verdict,
      headline: hostile,
      sections: [{ title: hostile, paragraphs: [hostile, [strong(hostile), code(hostile)]], steps: [hostile] }],
      facts: { columns: ['user'], rows: [[hostile]] },
      caveats: [hostile],
      actions: [{ kind: 'end-sessions', user: hostile, liveSessions: 1 }],
    };
    const json = allText(renderReplyBlocks(reply));
    expect(json).not.toMatch(/<[!@]/);
    expect(json).not.toContain('<https://evil.test');
    expect(json).toContain('&lt;');
  });

  it('keeps our own links as links', () => {
    const json = allText(
      renderReplyBlocks({
        ...verdict,
        sections: [{ title: null, paragraphs: [[link('Qlik', 'https://help.qlik.com/a')]], steps: [] }],
      }),
    );
    expect(json).toContain('<https://help.qlik.com/a|Qlik>');
  });

  it('moves a headline longer than a header allows into a section', () => {
    const message = renderReplyBlocks({ ...verdict, headline: 'x'.repeat(200) });
    expect(message.blocks[0]?.type).toBe('section');
    assertWithinLimits(message.blocks as never);
  });

  it("bolds a long headline line by line, since Slack's bold does not span lines", () => {
    const headline = `I could not count the sessions of CORP\\mweber: No proxy node answered:\n- ${'https://qs1:4243 refused the connection. '.repeat(3)}\n- https://qs2:4243 timed out`;
    const [first] = renderReplyBlocks({ ...verdict, headline }).blocks;
    expect(first?.type === 'section' ? first.text?.text : undefined).toBe(
      headline
        .split('\n')
        .map((line) => `*${line.trim()}*`)
        .join('\n'),
    );
  });

  it('splits long sections, shortens long tables and stays within 50 blocks with the buttons kept', () => {
    const huge: Reply = {
      ...verdict,
      sections: Array.from({ length: 80 }, (_, index) => ({
        title: `Part ${index}`,
        paragraphs: ['word '.repeat(1000)],
        steps: [],
      })),
      facts: {
        columns: ['user', 'peak'],
        rows: Array.from({ length: 500 }, (_, index) => [`CORP\\user${index}`, '3']),
      },
    };
    const message = renderReplyBlocks(huge);
    assertWithinLimits(message.blocks as never);
    expect(message.blocks).toHaveLength(BLOCK_KIT_LIMITS.blocksPerMessage);
    expect(message.blocks.at(-1)?.type).toBe('actions');
    expect(allText(message.blocks.at(-2))).toContain('left out');
    expect(allText(message.blocks)).toContain('more rows not shown');
  });
});

describe('Block Kit limits', () => {
  it('clamps without cutting an entity or a link in half', () => {
    expect(clampText('abc', 5)).toBe('abc');
    expect(clampText('aaaa&amp;', 7)).toBe('aaaa…');
    expect(clampText('a <https://x.test|x>', 10)).toBe('a …');
  });

  it('splits at line ends', () => {
    expect(splitSectionText('aaa\nbbb\nccc', 7)).toEqual(['aaa\nbbb', 'ccc']);
    expect(splitSectionText('x'.repeat(12), 5).every((piece) => piece.length <= 5)).toBe(true);
  });

  it('clamps headers and sections given to it directly', () => {
    const fitted = fitBlocks([
      { type: 'header', text: { type: 'plain_text', text: 'h'.repeat(400) } },
      { type: 'section', text: { type: 'mrkdwn', text: 's'.repeat(4000) } },
    ]);
    assertWithinLimits(fitted as never);
  });

  it('keeps the "End sessions" button of a very long user name within Slack\'s limits, its value whole', () => {
    const user = `AZUREAD\\${'firstname.lastname'.repeat(8)}@example.onmicrosoft.com`;
    const message = renderReplyBlocks({ ...verdict, actions: [{ kind: 'end-sessions', user, liveSessions: 5 }] });
    const [end] = message.blocks.flatMap((block) => (block.type === 'actions' ? block.elements : []));
    if (end?.type !== 'button' || end.confirm?.text === undefined)
      throw new Error('expected the end button with its confirmation');
    expect(end.text.text.length).toBeLessThanOrEqual(BLOCK_KIT_LIMITS.buttonText);
    expect(end.confirm.text.text.length).toBeLessThanOrEqual(BLOCK_KIT_LIMITS.confirmText);
    expect(end.confirm.text.text).toMatch(/^End all 5 live proxy sessions of AZUREAD/);
    expect(end.value).toBe(user);
  });

  it('leaves the "End sessions" button out rather than cut a user name that does not fit a button value', () => {
    const user = `CORP\\${'x'.repeat(3000)}`;
    const message = renderReplyBlocks({
      ...verdict,
      actions: [
        { kind: 'feedback', topic: 'limit-reached' },
        { kind: 'end-sessions', user, liveSessions: 5 },
      ],
    });
    const buttons = message.blocks.flatMap((block) => (block.type === 'actions' ? block.elements : []));
    expect(buttons.map((element) => (element.type === 'button' ? element.action_id : element.type))).toEqual([
      'qlik_sessions_helpful',
      'qlik_sessions_not_helpful',
    ]);
    for (const element of buttons)
      if (element.type === 'button') expect(element.value?.length ?? 0).toBeLessThan(BLOCK_KIT_LIMITS.buttonValue);
    expect(allText(message.blocks)).toContain(
      'The End sessions button is left out: the user name is longer than a Slack button can carry.',
    );
    // Even the escaping can push a name over: 500 ampersands become 2,500 characters.
    const escaped = renderReplyBlocks({
      ...verdict,
      actions: [{ kind: 'end-sessions', user: `CORP\\${'&'.repeat(500)}`, liveSessions: 1 }],
    });
    expect(escaped.blocks.some((block) => block.type === 'actions')).toBe(false);
  });

  it('renders notices escaped', () => {
    expect(renderNotice('a <!here> & b').text).toBe('a &lt;!here&gt; &amp; b');
  });
});
