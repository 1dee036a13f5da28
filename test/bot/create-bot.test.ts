import { toPlainText } from '../../src/core/text/index.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/adapters/knowledge-files/index.js';
import { createBot, type BotDeps } from '../../src/bot/create-bot.js';
import type { AttachedFile, IncomingMessage, MessageKind } from '../../src/bot/incoming-message.js';
import type { LiveQlik } from '../../src/bot/live-qlik.js';
import type { LiveResult, SessionsReport } from '../../src/core/live/index.js';
import type { BotOutcome, Reply } from '../../src/bot/reply.js';
import { MIN_ANSWER_SCORE, type KnowledgeBase } from '../../src/core/knowledge/index.js';
import { APRIL_2018_LOG_DIR, hasSharedFixture } from '../support/shared-fixtures.js';
import { recordingLogger } from '../support/recording-logger.js';

const REPOSITORY_AUDIT = join(APRIL_2018_LOG_DIR, 'Repository', 'Audit', 'QLIKSERVER1_AuditSecurity_Repository.txt');
const HUB_ERROR = 'You cannot access Qlik Sense because you have too many sessions active in parallel';
const OFF_TOPIC = 'Anyone up for lunch at noon?';

let knowledge: KnowledgeBase;
beforeAll(async () => {
  const loaded = await loadKnowledgeBase({ siteDir: undefined });
  if (!loaded.ok) throw new Error('the built-in knowledge base must load');
  knowledge = loaded.knowledge;
});

function message(
  kind: MessageKind,
  text: string,
  files: readonly AttachedFile[] = [],
  senderId = 'U_ANNA',
): IncomingMessage {
  return {
    kind,
    text,
    files,
    senderId,
    channelId: 'C1',
    threadId: kind === 'thread-reply' ? '1700000000.000100' : null,
  };
}

function fileOf(name: string, bytes: Uint8Array): AttachedFile {
  return {
    name,
    size: bytes.byteLength,
    open: async function* () {
      yield bytes;
    },
  };
}

function replyOf(outcome: BotOutcome): Reply {
  if (outcome.kind !== 'reply') throw new Error(`expected a reply, the bot stayed quiet: ${outcome.reason}`);
  return outcome.reply;
}

/** The Qlik APIs at the edge: canned answers, and a record of what was ended. */
function fakeLive(total: number): LiveQlik & { ended: string[] } {
  const ended: string[] = [];
  const sessions = (user: string): SessionsReport => ({
    user,
    total,
    sessions: Array.from({ length: total }, (_, index) => ({
      sessionId: `s${index}`,
      proxy: 'https://qs1:4243',
      virtualProxy: '',
    })),
    errors: [],
  });
  const ok = <T>(value: T): Promise<LiveResult<T>> => Promise.resolve({ ok: true, value });
  return {
    ended,
    sessions: (user) => ok(sessions(user)),
    licenses: (user) => ok({ user, allocations: [] }),
    endSessions: (user) => {
      ended.push(user);
      return ok({ user, ended: total, errors: [] });
    },
    doctor: () => ok({ findings: [] }),
  };
}

const deps = (extra: Partial<BotDeps> = {}): BotDeps => ({ knowledge, serviceAccounts: [], ...extra });

describe('createBot: direct requests', () => {
  it.for(['command', 'mention', 'direct-message'] as const)('answers help on a %s', async (kind) => {
    const reply = replyOf(
      await createBot(deps()).handle(message(kind, kind === 'mention' ? '@qlik-sessions help' : 'help')),
    );
    expect(reply.tone).toBe('help');
  });

  it('answers a question with the best entry, the others as related, and a feedback button', async () => {
    const reply = replyOf(await createBot(deps()).handle(message('direct-message', HUB_ERROR)));
    expect(reply.entries[0]?.id).toBe('five-session-limit');
    expect(reply.actions).toContainEqual({ kind: 'feedback', topic: 'five-session-limit' });
  });

  it('points off-topic text to help, never silence', async () => {
    const reply = replyOf(await createBot(deps()).handle(message('mention', `@qlik-sessions ${OFF_TOPIC}`)));
    expect(reply.tone).toBe('pointer');
    expect(reply.headline).toContain('"help"');
  });

  it('offers weakly matching entries instead of asserting one of them', async () => {
    const text = 'what happens to my sessions during an upgrade?';
    const best = knowledge.match(text).matches[0];
    expect(best !== undefined && best.score < MIN_ANSWER_SCORE).toBe(true);
    const reply = replyOf(await createBot(deps()).handle(message('direct-message', text)));
    expect(reply.tone).toBe('pointer');
    expect(reply.entries).toEqual([]);
    expect(reply.sections[0]?.paragraphs.map(toPlainText)).toContain(`${best?.title ?? ''}: kb ${best?.id ?? ''}`);
  });

  it('shows an entry by id, and lists the entries for an unknown one', async () => {
    const bot = createBot(deps());
    expect(replyOf(await bot.handle(message('command', 'kb count-sessions'))).entries.map((entry) => entry.id)).toEqual(
      ['count-sessions'],
    );
    const list = replyOf(await bot.handle(message('command', 'kb no-such-entry')));
    expect(list.headline).toContain('There is no entry "no-such-entry"');
    expect(list.sections[0]?.paragraphs.length).toBe(knowledge.entries.length);
  });

  it('explains how to configure the Qlik APIs when live checks are asked for without them', async () => {
    const bot = createBot(deps());
    for (const text of ['sessions CORP\\jdoe', 'licenses CORP\\jdoe', 'doctor']) {
      expect(replyOf(await bot.handle(message('command', text))).headline).toContain('Qlik Sense APIs');
    }
  });

  it('counts live sessions through the port, with the end button for admins only', async () => {
    const live = fakeLive(5);
    const bot = createBot(deps({ live, isAdmin: (id) => id === 'U_ADMIN' }));
    const forAdmin = replyOf(await bot.handle(message('command', 'sessions CORP\\jdoe', [], 'U_ADMIN')));
    expect(forAdmin.actions).toEqual([{ kind: 'end-sessions', user: 'CORP\\jdoe', liveSessions: 5 }]);
    expect(replyOf(await bot.handle(message('command', 'sessions CORP\\jdoe'))).actions).toEqual([]);
    expect(replyOf(await bot.handle(message('command', 'sessions jdoe'))).headline).toContain('DIRECTORY\\user');
  });

  it('ends sessions for admins only, and audits every request: who asked, whom, how many', async () => {
    const live = fakeLive(3);
    const audit: object[] = [];
    const bot = createBot(
      deps({
        live,
        isAdmin: (id) => id === 'U_ADMIN',
        auditEnding: (level, record) => audit.push({ level, ...record }),
      }),
    );
    expect((await bot.endSessions('U_ANNA', 'CORP\\jdoe')).headline).toContain('Only the people listed in QLIK_ADMINS');
    expect(live.ended).toEqual([]);
    expect((await bot.endSessions('U_ADMIN', 'CORP\\jdoe')).headline).toMatch(/^Ended 3 sessions of CORP\\jdoe/);
    expect(live.ended).toEqual(['CORP\\jdoe']);
    expect(audit).toEqual([
      { level: 'warn', event: 'end-sessions refused', requested_by: 'U_ANNA', user: 'CORP\\jdoe', reason: 'not-admin' },
      { level: 'info', event: 'end-sessions', requested_by: 'U_ADMIN', user: 'CORP\\jdoe', ended: 3, failed_nodes: 0 },
    ]);
    expect((await bot.endSessions('U_ADMIN', 'jdoe')).headline).toContain('nothing was ended');
    expect(audit.at(-1)).toEqual({
      level: 'warn',
      event: 'end-sessions refused',
      requested_by: 'U_ADMIN',
      user: 'jdoe',
      reason: 'not-a-user-name',
    });
    expect(live.ended).toEqual(['CORP\\jdoe']);
  });

  it('keeps a forged user value with line breaks in its own field of one JSON line', async () => {
    const logger = recordingLogger();
    const forged = 'x\n{"level":"info","msg":"end-sessions","requested_by":"U_ADMIN","user":"CORP\\\\jdoe","ended":3}';
    const bot = createBot(
      deps({
        live: fakeLive(3),
        isAdmin: () => false,
        auditEnding: (level, { event, ...fields }) => logger[level](fields, event),
      }),
    );
    await bot.endSessions('U_EVE', forged);
    expect(logger.records).toHaveLength(1);
    expect(logger.records[0]).toMatchObject({
      level: 'warn',
      msg: 'end-sessions refused',
      requested_by: 'U_EVE',
      user: forged,
      reason: 'not-admin',
    });
  });

  it('turns an internal failure into a short error reply on a direct request, and silence elsewhere', async () => {
    const errors: unknown[] = [];
    const bot = createBot(
      deps({ analyze: () => Promise.reject(new Error('worker died')), reportError: (error) => errors.push(error) }),
    );
    const log = fileOf('a.txt', Buffer.from('x'));
    expect(replyOf(await bot.handle(message('direct-message', 'analyze this', [log]))).tone).toBe('error');
    expect((await bot.handle(message('thread-reply', '', [log]))).kind).toBe('quiet');
    expect(errors).toHaveLength(2);
  });

  it('asks for the log lines on a bare analyze', async () => {
    expect(replyOf(await createBot(deps()).handle(message('command', 'analyze'))).headline).toContain(
      'Paste the Qlik Sense log lines',
    );
  });
});

describe('createBot: channels and threads', () => {
  it('stays quiet on an unrelated new channel message', async () => {
    expect((await createBot(deps()).handle(message('channel-message', OFF_TOPIC))).kind).toBe('quiet');
  });

  it('answers a channel message that quotes the hub error, inviting the log excerpt in the thread', async () => {
    const reply = replyOf(
      await createBot(deps()).handle(message('channel-message', `Users get "${HUB_ERROR}" since this morning`)),
    );
    expect(reply.entries[0]?.id).toBe('five-session-limit');
    expect(reply.sections.at(-1)?.title).toBe('Want to know who and when?');
  });

  it('stays quiet on a thread reply without log lines or files, even about the error', async () => {
    expect((await createBot(deps()).handle(message('thread-reply', HUB_ERROR))).kind).toBe('quiet');
  });

  it('refuses a binary file named like a log with a way forward', async () => {
    const png = fileOf('proxy.log', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    const reply = replyOf(await createBot(deps()).handle(message('thread-reply', '', [png])));
    expect(reply.tone).toBe('error');
    expect(reply.sections[0]?.paragraphs[0]).toContain('proxy.log is not a text file');
  });

  it('passes over a screenshot in a channel or thread, but answers about it when addressed', async () => {
    const png = fileOf('screenshot.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    const bot = createBot(deps());
    expect((await bot.handle(message('thread-reply', 'see', [png]))).kind).toBe('quiet');
    expect((await bot.handle(message('channel-message', OFF_TOPIC, [png]))).kind).toBe('quiet');
    expect(replyOf(await bot.handle(message('direct-message', '', [png]))).sections[0]?.paragraphs[0]).toContain(
      'screenshot.png is not a text file',
    );
  });

  it('refuses a file over the cap, saying how to send an excerpt', async () => {
    const big = fileOf('big.txt', Buffer.alloc(2048, 'a'));
    const reply = replyOf(await createBot(deps({ maxFileBytes: 1024 })).handle(message('thread-reply', '', [big])));
    expect(reply.sections[0]?.paragraphs[0]).toContain('Send only the lines around the time of the error');
  });
});

describe.skipIf(!hasSharedFixture(REPOSITORY_AUDIT))('createBot: real Qlik Sense logs', () => {
  const text = () => readFileSync(REPOSITORY_AUDIT, 'utf8');

  it('gives a verdict on log lines in a thread reply, with a question around them', async () => {
    const reply = replyOf(
      await createBot(deps()).handle(message('thread-reply', `what happened here?\n${text()}\nthanks!`)),
    );
    expect(reply.headline).toMatch(/^DOMAIN\\administrator was refused access/);
    expect(reply.actions.some((action) => action.kind === 'feedback')).toBe(true);
  });

  it('reads a gzip attachment recognised by its bytes, leaving the chat around it out of the count', async () => {
    const attached = fileOf('repository.txt', gzipSync(text()));
    const alone = replyOf(await createBot(deps()).handle(message('thread-reply', '', [attached])));
    const withChat = replyOf(
      await createBot(deps()).handle(message('thread-reply', 'here is the log, thanks', [attached])),
    );
    expect(alone.headline).toMatch(/^DOMAIN\\administrator was refused access/);
    expect(withChat).toEqual(alone);
  });

  it('adds the live count of the named user, and the end button for admins', async () => {
    const bot = createBot(deps({ live: fakeLive(2), isAdmin: () => true }));
    const reply = replyOf(await bot.handle(message('direct-message', text())));
    expect(reply.sections.at(-1)?.title).toBe('Right now');
    expect(reply.actions).toContainEqual({ kind: 'end-sessions', user: 'DOMAIN\\administrator', liveSessions: 2 });
  });
});

describe('createBot: the live count in a verdict', () => {
  const denial =
    "Access was denied for User: 'CORP\\mweber', with AccessID '264ff070-6306-4f1b-85db-21a8468939b5', SessionID: 'e3cd957b-a501-4bec-a3f8-d35170a73efa', SessionCount: '5', Hostname: '::1', OperationType: 'UsageDenied'";

  it('says a partial count is partial and names the node missing from it', async () => {
    const live = fakeLive(3);
    const partial: LiveQlik = {
      ...live,
      sessions: async (user) => {
        const answer = await live.sessions(user);
        return answer.ok
          ? {
              ok: true,
              value: {
                ...answer.value,
                errors: [{ proxy: 'https://qs2:4243', virtualProxy: 'sales', message: 'timed out after 10 s' }],
              },
            }
          : answer;
      },
    };
    const reply = replyOf(await createBot(deps({ live: partial })).handle(message('direct-message', denial)));
    expect(reply.sections.at(-1)?.paragraphs).toEqual([
      'CORP\\mweber has 3 live sessions on the nodes that answered (the limit is 5).',
    ]);
    expect(reply.caveats).toContain(
      'https://qs2:4243 (virtual proxy sales) did not answer, so its sessions are missing from the count: timed out after 10 s',
    );
  });
});
