import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/adapters/knowledge-files/index.js';
import { createBot, type BotDeps } from '../../src/bot/create-bot.js';
import type { AttachedFile, EarlierPost, IncomingMessage, MessageKind, Reply } from '../../src/bot/index.js';
import { toPlainText } from '../../src/core/text/index.js';
import type { KnowledgeBase } from '../../src/core/knowledge/index.js';
import { APRIL_2018_LOG_DIR, hasSharedFixture } from '../support/shared-fixtures.js';

const DENIAL =
  "Access was denied for User: 'CORP\\mweber', with AccessID '264ff070-6306-4f1b-85db-21a8468939b5', " +
  "SessionID: 'e3cd957b-a501-4bec-a3f8-d35170a73efa', SessionCount: '5', Hostname: '::1', OperationType: 'UsageDenied'";
const WITHIN_LIMIT = readFileSync(
  new URL('../fixtures/logs/within-limit_AuditActivity_Proxy.txt', import.meta.url),
  'utf8',
);

let knowledge: KnowledgeBase;
beforeAll(async () => {
  const loaded = await loadKnowledgeBase({ siteDir: undefined });
  if (!loaded.ok) throw new Error('the built-in knowledge base must load');
  knowledge = loaded.knowledge;
});

function fileOf(name: string, bytes: Uint8Array): AttachedFile {
  return {
    name,
    size: bytes.byteLength,
    open: async function* () {
      yield bytes;
    },
  };
}

function inThread(
  kind: MessageKind,
  text: string,
  earlier: () => Promise<readonly EarlierPost[]>,
  files: readonly AttachedFile[] = [],
): IncomingMessage {
  return { kind, text, files, senderId: 'U1', channelId: 'C1', threadId: '1700000000.000100', earlier };
}

async function replyTo(message: IncomingMessage, deps: Partial<BotDeps> = {}): Promise<Reply> {
  const outcome = await createBot({ knowledge, serviceAccounts: [], ...deps }).handle(message);
  if (outcome.kind !== 'reply') throw new Error(`the bot stayed quiet: ${outcome.reason}`);
  return outcome.reply;
}

const caveatsOf = (reply: Reply): string => reply.caveats.map(toPlainText).join('\n');
const posts =
  (...list: EarlierPost[]) =>
  () =>
    Promise.resolve(list);

describe('a paste in a thread is analysed together with the earlier ones', () => {
  it('finds the denial pasted two messages earlier, and says the verdict covers the thread', async () => {
    const earlier = posts({ text: DENIAL, files: [] }, { text: 'thanks, here are the proxy lines too', files: [] });
    const reply = await replyTo(inThread('thread-reply', WITHIN_LIMIT, earlier));
    expect(reply.tone).toBe('verdict');
    expect(reply.headline).toContain('CORP\\mweber');
    expect(caveatsOf(reply)).toContain(
      'Analysed together with the log lines and files of 1 earlier message in this thread.',
    );
    // The same paste alone, outside a thread, knows nothing of the denial.
    const alone: IncomingMessage = {
      kind: 'thread-reply',
      text: WITHIN_LIMIT,
      files: [],
      senderId: 'U1',
      channelId: 'C1',
      threadId: '1.1',
    };
    expect((await replyTo(alone)).headline).not.toContain('mweber');
  });

  it('reads a log file shared earlier in the thread, and a bare "analyze" reads the thread', async () => {
    const earlier = posts({ text: '', files: [fileOf('AuditSecurity_Repository.txt', Buffer.from(`${DENIAL}\n`))] });
    const reply = await replyTo(inThread('mention', 'analyze', earlier));
    expect(reply.headline).toContain('CORP\\mweber');
    expect(caveatsOf(reply)).toContain('1 earlier message');
  });

  it('keeps to the size cap: the newest that fit beside this message, the older ones left out and said so', async () => {
    const older = { text: DENIAL, files: [] };
    const newer = { text: WITHIN_LIMIT, files: [] };
    const cap = Buffer.byteLength(WITHIN_LIMIT) * 2 + 100;
    const reply = await replyTo(inThread('thread-reply', WITHIN_LIMIT, posts(older, newer)), { maxFileBytes: cap });
    expect(reply.headline).not.toContain('mweber');
    expect(caveatsOf(reply)).toContain('1 earlier message of this thread with log lines or files was left out');
    expect(caveatsOf(reply)).toContain('Analysed together with the log lines and files of 1 earlier message');
  });

  it('analyses this message alone, and says so, when the thread cannot be read', async () => {
    const reply = await replyTo(inThread('thread-reply', DENIAL, () => Promise.reject(new Error('missing_scope'))));
    expect(reply.headline).toContain('CORP\\mweber');
    expect(caveatsOf(reply)).toContain('The earlier messages of this thread could not be read');
  });

  it('names an earlier file it could not read without turning the verdict into a file problem', async () => {
    const image = fileOf('screenshot.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    const reply = await replyTo(inThread('thread-reply', DENIAL, posts({ text: '', files: [image] })));
    expect(reply.tone).toBe('verdict');
    expect(caveatsOf(reply)).toContain('Shared earlier in this thread: screenshot.txt is not a text file.');
  });

  it('stays quiet on thread chatter without log lines, and does not read the thread for it', async () => {
    let reads = 0;
    const earlier = () => {
      reads += 1;
      return Promise.resolve([{ text: DENIAL, files: [] }]);
    };
    const outcome = await createBot({ knowledge, serviceAccounts: [] }).handle(
      inThread('thread-reply', 'ok, thanks!', earlier),
    );
    expect(outcome.kind).toBe('quiet');
    expect(reads).toBe(0);
  });

  describe.skipIf(!hasSharedFixture(APRIL_2018_LOG_DIR))('the three files of the help, in three messages', () => {
    it('gives the verdict of the three files shared at once', async () => {
      const file = (...parts: string[]) => {
        const path = join(APRIL_2018_LOG_DIR, ...parts);
        return fileOf(parts.at(-1) as string, readFileSync(path));
      };
      const repository = file('Repository', 'Audit', 'QLIKSERVER1_AuditSecurity_Repository.txt');
      const activity = file('Proxy', 'Audit', 'QLIKSERVER1_AuditActivity_Proxy.txt');
      const trace = file('Proxy', 'Trace', 'QLIKSERVER1_Audit_Proxy.txt');
      const together = await replyTo({
        kind: 'direct-message',
        text: '',
        files: [repository, activity, trace],
        senderId: 'U1',
        channelId: 'D1',
        threadId: null,
      });
      const third = await replyTo(
        inThread(
          'thread-reply',
          '',
          posts({ text: '', files: [repository] }, { text: 'and the proxy one', files: [activity] }),
          [trace],
        ),
      );
      expect(third.headline).toBe(together.headline);
      expect(third.facts).toEqual(together.facts);
      expect(caveatsOf(third)).toContain('2 earlier messages');
    });
  });
});
