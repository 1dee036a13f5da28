import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/adapters/knowledge-files/index.js';
import { createMemoryStateStore } from '../../src/adapters/state/index.js';
import { createBot, createFeedbackRecorder, type BotDeps, type LiveQlik, type Reply } from '../../src/bot/index.js';
import { reportCsv } from '../../src/bot/report-csv.js';
import { toPlainText } from '../../src/core/text/index.js';
import type { FeedbackEvent } from '../../src/bot/feedback-recorder.js';
import type { IncomingMessage } from '../../src/bot/incoming-message.js';
import type { KnowledgeBase } from '../../src/core/knowledge/index.js';
import type { UserSummary } from '../../src/core/verdict/index.js';

let knowledge: KnowledgeBase;
beforeAll(async () => {
  const loaded = await loadKnowledgeBase({ siteDir: undefined });
  if (!loaded.ok) throw new Error('the built-in knowledge base must load');
  knowledge = loaded.knowledge;
});

const dm = (text: string, senderId = 'console'): IncomingMessage => ({
  kind: 'direct-message',
  text,
  files: [],
  senderId,
  channelId: 'console',
  threadId: null,
});

function textOf(reply: Reply): string {
  return [
    reply.headline,
    ...reply.sections.flatMap((section) => [
      section.title ?? '',
      ...section.paragraphs.map(toPlainText),
      ...section.steps.map(toPlainText),
    ]),
  ].join('\n');
}

async function ask(deps: Partial<BotDeps>, text: string, senderId?: string): Promise<Reply> {
  const outcome = await createBot({ knowledge, serviceAccounts: [], ...deps }).handle(dm(text, senderId));
  if (outcome.kind !== 'reply') throw new Error('expected a reply');
  return outcome.reply;
}

describe('help shows the commands as they are typed on each surface', () => {
  it('Slack: /qlik-sessions ... and the surface tips', async () => {
    const text = textOf(
      await ask({ commandPrefix: '/qlik-sessions ', helpTips: ['Use the message shortcut in threads.'] }, 'help'),
    );
    expect(text).toContain('/qlik-sessions analyze');
    expect(text).toContain('/qlik-sessions sessions DOMAIN\\user');
    expect(text).toContain('Use the message shortcut in threads.');
    expect(text).toContain('end DOMAIN\\user');
  });

  it('console: the same commands without the slash', async () => {
    const text = textOf(await ask({}, 'help'));
    expect(text).toContain('analyze: with log lines');
    expect(text).not.toContain('/qlik-sessions');
    expect(text).toContain('end DOMAIN\\user');
  });
});

describe('end DOMAIN\\user outside buttons', () => {
  const ended: string[] = [];
  const live: LiveQlik = {
    sessions: async (user) => ({
      ok: true,
      value: {
        user,
        total: 3,
        sessions: [
          { sessionId: 'a', proxy: 'https://qs1:4243', virtualProxy: '' },
          { sessionId: 'b', proxy: 'https://qs1:4243', virtualProxy: '' },
          { sessionId: 'c', proxy: 'https://qs2:4243', virtualProxy: 'sales' },
        ],
        errors: [],
      },
    }),
    licenses: async (user) => ({ ok: true, value: { user, allocations: [] } }),
    endSessions: async (user) => {
      ended.push(user);
      return { ok: true, value: { user, ended: 3, errors: [] } };
    },
    doctor: async () => ({ ok: true, value: { findings: [] } }),
  };

  it('console: shows the count and where, then ends once on "yes" (a second yes ends nothing)', async () => {
    ended.length = 0;
    const bot = createBot({ knowledge, serviceAccounts: [], live, isAdmin: () => true, confirmEndByText: true });
    const preview = await bot.handle(dm('end CORP\\mweber'));
    const previewReply = preview.kind === 'reply' ? preview.reply : undefined;
    expect(previewReply?.headline).toContain('CORP\\mweber has 3 live proxy sessions');
    expect(previewReply?.facts?.rows).toEqual([
      ['https://qs1:4243', '(default)', '2'],
      ['https://qs2:4243', 'sales', '1'],
    ]);
    expect(textOf(previewReply as Reply)).toContain('Type yes to end all 3');
    expect(ended).toEqual([]);
    const done = await bot.handle(dm('yes'));
    expect(done.kind === 'reply' ? done.reply.headline : '').toContain('Ended 3 sessions of CORP\\mweber');
    await bot.handle(dm('yes'));
    expect(ended).toEqual(['CORP\\mweber']);
  });

  it('console: "no" or anything else leaves the sessions; a late yes ends nothing', async () => {
    ended.length = 0;
    let now = 0;
    const bot = createBot({
      knowledge,
      serviceAccounts: [],
      live,
      isAdmin: () => true,
      confirmEndByText: true,
      now: () => now,
    });
    await bot.handle(dm('end CORP\\mweber'));
    const no = await bot.handle(dm('no'));
    expect(no.kind === 'reply' ? no.reply.headline : '').toBe("Nothing was ended; CORP\\mweber's sessions stay open.");
    await bot.handle(dm('end CORP\\mweber'));
    now = 10 * 60 * 1000;
    const late = await bot.handle(dm('yes'));
    expect(late.kind === 'reply' ? late.reply.headline : '').toContain('came too late');
    expect(ended).toEqual([]);
  });

  it('Slack DM: an admin gets the End button (with its confirmation), nobody else, and not outside a DM', async () => {
    const deps = { live, isAdmin: (id: string) => id === 'UADMIN' };
    expect((await ask(deps, 'end CORP\\mweber', 'UADMIN')).actions).toEqual([
      { kind: 'end-sessions', user: 'CORP\\mweber', liveSessions: 3 },
    ]);
    expect((await ask(deps, 'end CORP\\mweber', 'UANNA')).headline).toContain('Only the people listed in QLIK_ADMINS');
    const inChannel = await createBot({ knowledge, serviceAccounts: [], ...deps }).handle({
      ...dm('end CORP\\mweber', 'UADMIN'),
      kind: 'mention',
    });
    expect(inChannel.kind === 'reply' ? inChannel.reply.headline : '').toContain('in a direct message');
    expect((await ask(deps, 'end somebody', 'UADMIN')).headline).toContain('is not a Qlik user name');
    expect((await ask(deps, 'end of the day the sessions pile up', 'UADMIN')).tone).not.toBe('live');
  });
});

describe('feedback recorder', () => {
  it('counts per topic in the feedback hash, one vote per person and reply, and logs each click', async () => {
    const store = createMemoryStateStore();
    const events: FeedbackEvent[] = [];
    const recorder = createFeedbackRecorder({
      store,
      isTopic: (topic) => ['limit-reached', 'five-session-limit'].includes(topic),
      log: (event) => events.push(event),
    });
    await recorder.record('limit-reached', 'helpful', 'U1', 'ts1');
    await recorder.record('limit-reached', 'helpful', 'U1', 'ts1');
    await recorder.record('limit-reached', 'not-helpful', 'U2', 'ts1');
    await recorder.record('five-session-limit', 'helpful', 'U1', 'ts2');
    expect(await recorder.record('<script>', 'helpful', 'U1')).toEqual({ ok: false, reason: 'unknown-topic' });
    expect(await store.readFields('feedback')).toEqual({
      'limit-reached:helpful': 1,
      'limit-reached:not-helpful': 1,
      'five-session-limit:helpful': 1,
    });
    expect(await recorder.counts()).toEqual([
      { topic: 'limit-reached', helpful: 1, notHelpful: 1 },
      { topic: 'five-session-limit', helpful: 1, notHelpful: 0 },
    ]);
    expect(events.map((event) => [event.topic, event.by, event.counted])).toEqual([
      ['limit-reached', 'U1', true],
      ['limit-reached', 'U1', false],
      ['limit-reached', 'U2', true],
      ['five-session-limit', 'U1', true],
    ]);
  });
});

describe('reportCsv', () => {
  it('uses the JSON field names, quotes what needs it and keeps formulas from a log as text', () => {
    const user: UserSummary = {
      user: '=HYPERLINK("x"),CORP',
      sessionsStarted: 3,
      peak: 2,
      peakAt: '2024-03-12T08:08:47.120Z',
      denied: 0,
      limitDenials: 0,
      maxSessionCount: null,
      licensed: null,
      serviceAccount: false,
      clients: 1,
    };
    expect(reportCsv([user]).split('\r\n')).toEqual([
      'user,sessionsStarted,peak,peakAt,denied,limitDenials,maxSessionCount,licensed,serviceAccount,clients',
      `"'=HYPERLINK(""x""),CORP",3,2,2024-03-12T08:08:47.120Z,0,0,,,false,1`,
      '',
    ]);
  });
});
