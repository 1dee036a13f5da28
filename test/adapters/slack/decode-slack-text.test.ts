import { describe, expect, it } from 'vitest';
import { decodeSlackEntities, decodeSlackText } from '../../../src/adapters/slack/decode-slack-text.js';
import { parseBotRequest, type BotRequest } from '../../../src/bot/bot-request.js';
import { normalizeMessage } from '../../../src/core/knowledge/normalize-message.js';
import { containsQlikLogLines } from '../../../src/core/logs/index.js';

const DENIAL =
  "Access was denied for User: 'CORP\\mweber', with AccessID 'a', SessionID: 'b', SessionCount: '5', Hostname: '::1', OperationType: 'UsageDenied'";

describe('decodeSlackText: the message as the person typed it', () => {
  it.for([
    {
      name: 'entities, & last so a typed &lt; stays',
      raw: 'a &lt;b&gt; &amp;amp; &amp;lt;',
      plain: 'a <b> &amp; &lt;',
    },
    { name: 'a mention in front', raw: '<@U0ABC123> help', plain: 'help' },
    { name: 'a named mention with a colon', raw: '<@U0ABC123|qlik-sessions>: help', plain: 'help' },
    {
      name: 'repeated mentions in front; later ones carry no words',
      raw: '<@U1> <@U2> tell <@U3> about it',
      plain: 'tell  about it',
    },
    { name: 'a broadcast and a channel', raw: '<!here> see <#C1|support>', plain: 'see' },
    { name: 'a link keeps its label', raw: 'see <https://qlik.example/x|the KB article>', plain: 'see the KB article' },
    {
      name: 'an auto-linked URL stays the URL',
      raw: 'on <https://qs1.corp.example/hub>',
      plain: 'on https://qs1.corp.example/hub',
    },
    { name: 'a link label with entities', raw: '<https://x.example/?a=1&amp;b=2|a &amp; b>', plain: 'a & b' },
    {
      name: 'a date keeps its fallback',
      raw: 'since <!date^1392734382^{date_short}|Feb 18, 2014>',
      plain: 'since Feb 18, 2014',
    },
    {
      name: 'a mention typed as text stays text',
      raw: 'User: &lt;@U123&gt; &lt;!channel&gt;',
      plain: 'User: <@U123> <!channel>',
    },
  ])('$name', ({ raw, plain }) => {
    expect(decodeSlackText(raw)).toBe(plain);
  });

  it.for<[string, BotRequest]>([
    ['<@U0ABC123> help', { kind: 'help' }],
    ['<@U0ABC123|qlik-sessions>: help', { kind: 'help' }],
    ['<@U0ABC123> licneses CORP\\jdoe', { kind: 'did-you-mean', typed: 'licneses', suggestion: 'licenses CORP\\jdoe' }],
    ['sessions &lt;CORP\\jdoe&gt;', { kind: 'sessions', user: '<CORP\\jdoe>' }],
  ])('gives the bot a request it reads: %j', ([raw, expected]) => {
    expect(parseBotRequest(decodeSlackText(raw))).toEqual(expected);
  });

  it.for([
    {
      name: 'Slack links keep their label',
      raw: 'see <https://qlik.example/x|the KB article>',
      words: 'see the kb article',
    },
    { name: 'mentions and broadcasts carry no words', raw: '<@U123> <!here> <#C1|support> hello', words: 'hello' },
  ])('gives the matcher plain words: $name', ({ raw, words }) => {
    expect(normalizeMessage(decodeSlackText(raw))).toBe(words);
  });

  it('keeps pasted log lines recognisable, quote markers and fences included', () => {
    const raw = `&gt; ${DENIAL}\n\`\`\`${DENIAL}\`\`\``;
    expect(containsQlikLogLines(decodeSlackText(raw))).toBe(true);
  });
});

describe('decodeSlackEntities', () => {
  it('turns Slack entities back into the characters typed, & last so &amp;lt; stays &lt;', () => {
    expect(decodeSlackEntities('a &lt;b&gt; &amp;amp; &amp;lt;')).toBe('a <b> &amp; &lt;');
  });
});
