import { beforeAll, describe, expect, it } from 'vitest';
import {
  createBot,
  decideChannelMessage,
  type BotOutcome,
  type IncomingMessage,
  type Reply,
} from '../../src/bot/index.js';
import { toPlainText } from '../../src/core/text/index.js';
import type { KnowledgeBase } from '../../src/core/knowledge/index.js';
import { builtInKnowledge } from '../support/matcher-eval.js';

let knowledge: KnowledgeBase;
beforeAll(async () => {
  knowledge = await builtInKnowledge();
});

const channel = (text: string): IncomingMessage => ({
  kind: 'channel-message',
  text,
  files: [],
  senderId: 'U_ANNA',
  channelId: 'C1',
  threadId: null,
});

function replyOf(outcome: BotOutcome): Reply {
  if (outcome.kind !== 'reply') throw new Error(`expected a reply, the bot stayed quiet: ${outcome.reason}`);
  return outcome.reply;
}

describe('the auto-reply in a watched channel', () => {
  it('leads with the cause the message names, then explains the limit, then invites the log lines', async () => {
    const text = 'our intranet page embeds six iframes and people get too many sessions active in parallel';
    const reply = replyOf(await createBot({ knowledge, serviceAccounts: [] }).handle(channel(text)));
    expect(reply.entries.map((entry) => entry.id)).toEqual(['mashup-iframe-sessions', 'five-session-limit']);
    expect(reply.headline).toBe(knowledge.get('mashup-iframe-sessions')?.title);
    const titles = reply.sections.map((section) => section.title);
    const about = titles.findIndex((title) => title?.startsWith('About the error itself') === true);
    expect(about).toBeGreaterThan(titles.indexOf('Fix'));
    expect(titles.at(-1)).toBe('Want to know who and when?');
    expect(reply.sections[about]?.paragraphs.map(toPlainText).at(-1)).toBe('More: kb five-session-limit');
    expect(reply.actions).toContainEqual({ kind: 'feedback', topic: 'mashup-iframe-sessions' });
  });

  it('answers the bare error with the limit alone', async () => {
    const reply = replyOf(
      await createBot({ knowledge, serviceAccounts: [] }).handle(channel('Too many sessions active in parallel.')),
    );
    expect(reply.entries.map((entry) => entry.id)).toEqual(['five-session-limit']);
  });

  it.for([
    {
      text: "Login access denied for SessionID: 'b2c7a1d0-1111-2222-3333-444455556666', Hostname: \"10.0.4.17\", OperationType: 'UsageDenied'",
      kind: 'verdict',
    },
    {
      text: 'citrix users: You cannot access Qlik Sense because you have too many sessions active in parallel',
      kind: 'entry',
    },
    { text: 'ServiceNow: Maximum number of sessions exceeded for user admin', kind: 'quiet' },
    { text: "Operations Monitor reload fails with 'Field not found'", kind: 'quiet' },
  ])('decides $kind for "$text", as the bot then does', async ({ text, kind }) => {
    expect(decideChannelMessage(knowledge, text).kind).toBe(kind);
    const outcome = await createBot({ knowledge, serviceAccounts: [] }).handle(channel(text));
    expect(outcome.kind).toBe(kind === 'quiet' ? 'quiet' : 'reply');
    if (kind === 'verdict') expect(replyOf(outcome).tone).toBe('verdict');
  });
});
