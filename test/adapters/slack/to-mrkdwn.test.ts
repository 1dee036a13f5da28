import { describe, expect, it } from 'vitest';
import { toMrkdwn } from '../../../src/adapters/slack/to-mrkdwn.js';
import { link } from '../../../src/bot/index.js';
import { code, strong, toPlainText } from '../../../src/core/text/index.js';

describe('rich text', () => {
  it('keeps plain strings literal in mrkdwn, so input cannot mention anyone', () => {
    expect(toMrkdwn('<!channel> & <@U123> say <https://evil|click>')).toBe(
      '&lt;!channel&gt; &amp; &lt;@U123&gt; say &lt;https://evil|click&gt;',
    );
  });

  it('renders spans as Slack markup and as plain text with link titles kept', () => {
    const rich = [
      'See ',
      link('How to count sessions', 'https://community.qlik.com/x'),
      ' for ',
      strong('DOMAIN\\jdoe'),
      ' in ',
      code('a`b'),
    ];
    expect(toMrkdwn(rich)).toBe('See <https://community.qlik.com/x|How to count sessions> for *DOMAIN\\jdoe* in `aˋb`');
    expect(toPlainText(rich)).toBe('See How to count sessions (https://community.qlik.com/x) for DOMAIN\\jdoe in a`b');
  });

  it('escapes a link title so it cannot close the link early', () => {
    expect(toMrkdwn([link('a|b>c', 'https://x.test/p|q')])).toBe('<https://x.test/p%7Cq|a¦b&gt;c>');
    expect(toMrkdwn([link('t', 'https://x.test/<!channel>')])).toBe('<https://x.test/%3C!channel%3E|t>');
  });
});
