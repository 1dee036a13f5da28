import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/adapters/knowledge-files/index.js';
import { createBot } from '../../src/bot/create-bot.js';
import type { AttachedFile, IncomingMessage, LogAnalyzer, MessageKind } from '../../src/bot/index.js';
import type { AnalysisUnavailable } from '../../src/bot/log-analyzer.js';
import type { KnowledgeBase } from '../../src/core/knowledge/index.js';

const DENIAL =
  "Access was denied for User: 'CORP\\mweber', with AccessID '264ff070-6306-4f1b-85db-21a8468939b5', " +
  "SessionID: 'e3cd957b-a501-4bec-a3f8-d35170a73efa', SessionCount: '5', Hostname: '::1', OperationType: 'UsageDenied'";

let knowledge: KnowledgeBase;
beforeAll(async () => {
  const loaded = await loadKnowledgeBase({ siteDir: undefined });
  if (!loaded.ok) throw new Error('the built-in knowledge base must load');
  knowledge = loaded.knowledge;
});

const unavailable =
  (error: AnalysisUnavailable): LogAnalyzer =>
  () =>
    Promise.resolve({ ok: false, error });
const log: AttachedFile = { name: 'AuditSecurity_Repository.txt', size: 10, open: async function* () {} };

function message(kind: MessageKind, text: string, files: readonly AttachedFile[] = []): IncomingMessage {
  return { kind, text, files, senderId: 'U1', channelId: 'C1', threadId: kind === 'thread-reply' ? '1.1' : null };
}

async function headlineOf(analyze: LogAnalyzer, incoming: IncomingMessage): Promise<string> {
  const outcome = await createBot({ knowledge, serviceAccounts: [], analyze }).handle(incoming);
  if (outcome.kind !== 'reply') throw new Error(`the bot stayed quiet: ${outcome.reason}`);
  expect(outcome.reply.tone).toBe('error');
  return outcome.reply.headline;
}

describe('an analysis the worker pool could not do', () => {
  it('tells the person to try again shortly when every worker is busy, wherever the logs came from', async () => {
    for (const incoming of [
      message('thread-reply', '', [log]),
      message('thread-reply', DENIAL),
      message('direct-message', 'analyze', [log]),
    ]) {
      expect(await headlineOf(unavailable({ code: 'busy' }), incoming)).toMatch(
        /busy analysing other logs.*Try again shortly/,
      );
    }
  });

  it('says the analysis stopped, and what to send instead, when the worker crashed or hung', async () => {
    expect(
      await headlineOf(unavailable({ code: 'failed', reason: 'crashed' }), message('thread-reply', '', [log])),
    ).toMatch(/stopped unexpectedly.*Try again/);
    expect(
      await headlineOf(unavailable({ code: 'failed', reason: 'hung' }), message('channel-message', DENIAL)),
    ).toMatch(/took far too long.*shorter excerpt/);
  });
});
