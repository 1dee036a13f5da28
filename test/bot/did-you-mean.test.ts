import { beforeAll, describe, expect, it } from 'vitest';
import { createBot, type BotOutcome, type IncomingMessage, type Reply } from '../../src/bot/index.js';
import { toPlainText } from '../../src/core/text/index.js';
import type { KnowledgeBase } from '../../src/core/knowledge/index.js';
import { builtInKnowledge } from '../support/matcher-eval.js';

let knowledge: KnowledgeBase;
beforeAll(async () => {
  knowledge = await builtInKnowledge();
});

const direct = (text: string): IncomingMessage => ({
  kind: 'direct-message',
  text,
  files: [],
  senderId: 'U_ANNA',
  channelId: 'D1',
  threadId: null,
});

function replyOf(outcome: BotOutcome): Reply {
  if (outcome.kind !== 'reply') throw new Error(`expected a reply, the bot stayed quiet: ${outcome.reason}`);
  return outcome.reply;
}

const text = (reply: Reply) =>
  [reply.headline, ...reply.sections.flatMap((section) => section.paragraphs.map(toPlainText))].join('\n');

describe('did you mean, in the chat and the console', () => {
  it.for([
    { typed: 'hlep', meant: 'help' },
    { typed: 'sesions CORP\\jdoe', meant: 'sessions CORP\\jdoe' },
  ])('answers "$typed" with the command it likely meant', async ({ typed, meant }) => {
    const reply = replyOf(await createBot({ knowledge, serviceAccounts: [] }).handle(direct(typed)));
    expect(reply.tone).toBe('pointer');
    expect(text(reply)).toContain(`Did you mean ${meant}?`);
  });

  it('answers a mistyped knowledge id with the id it likely meant, and the list', async () => {
    const reply = replyOf(await createBot({ knowledge, serviceAccounts: [] }).handle(direct('kb five-sesion-limit')));
    expect(reply.headline).toBe('There is no entry "five-sesion-limit". The knowledge entries:');
    expect(text(reply)).toContain('Did you mean kb five-session-limit?');
    expect(text(reply)).toContain('kb qlik-cloud-sessions: ');
  });
});
