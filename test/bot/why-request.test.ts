import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/adapters/knowledge-files/index.js';
import { createLogFolderReader } from '../../src/adapters/log-folder/index.js';
import { parseBotRequest } from '../../src/bot/bot-request.js';
import { createBot } from '../../src/bot/create-bot.js';
import { type Reply } from '../../src/bot/index.js';
import { toPlainText } from '../../src/core/text/index.js';
import type { KnowledgeBase } from '../../src/core/knowledge/index.js';
import { QlikNodeLogs } from '../support/qlik-log-writer.js';

const NOW = Date.UTC(2026, 11, 1, 12, 0, 0);
let knowledge: KnowledgeBase;
let dir: string;

beforeAll(async () => {
  const loaded = await loadKnowledgeBase({ siteDir: undefined });
  if (!loaded.ok) throw new Error(loaded.error);
  knowledge = loaded.knowledge;
  dir = mkdtempSync(join(tmpdir(), 'qlik-why-bot-'));
  const node = new QlikNodeLogs(join(dir, 'QS1'), 'QS1', 60);
  for (let index = 0; index < 4; index++)
    node.start(NOW - 30 * 60_000 + index * 1000, 'CORP\\mweber', `s${index}`, `10.0.0.${index}`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function ask(text: string, withFolders: boolean): Promise<Reply> {
  const bot = createBot({
    knowledge,
    serviceAccounts: [],
    now: () => NOW,
    ...(withFolders ? { logFolders: createLogFolderReader([dir]) } : {}),
  });
  const outcome = await bot.handle({
    kind: 'direct-message',
    text,
    files: [],
    senderId: 'U1',
    channelId: 'D1',
    threadId: null,
  });
  if (outcome.kind !== 'reply') throw new Error('expected a reply');
  return outcome.reply;
}

const text = (reply: Reply): string =>
  [
    reply.headline,
    ...reply.sections.flatMap((section) => [...section.paragraphs, ...section.steps].map(toPlainText)),
    ...reply.caveats.map(toPlainText),
  ].join('\n');

describe('why', () => {
  it.for([
    ['why CORP\\mweber', { kind: 'why', user: 'CORP\\mweber', since: null }],
    ['why CORP\\mweber 6h', { kind: 'why', user: 'CORP\\mweber', since: '6h' }],
    ['/qlik-sessions why `CORP\\mweber` --since 90m', { kind: 'why', user: 'CORP\\mweber', since: '90m' }],
    ['why', { kind: 'why', user: null, since: null }],
    ['why do my users get too many sessions?', { kind: 'ask', text: 'why do my users get too many sessions?' }],
  ] as const)('reads %j', ([input, expected]) => {
    expect(parseBotRequest(input)).toEqual(expected);
  });

  it('gives the verdict from the log folders over the last two hours, saying what was read', async () => {
    const reply = await ask('why CORP\\mweber', true);
    expect(reply.headline).toMatch(
      /^From the log folders, the last 2h \(since 2026-12-01 10:00:00 UTC\): CORP\\mweber had 4 proxy sessions open at once/,
    );
    expect(text(reply)).toContain('2 log files read, 0 skipped by their time span.');
  });

  it('says when no line names the user, and how to look further', async () => {
    const reply = await ask('why CORP\\nobody 1h', true);
    expect(reply.headline).toBe(
      'No line in the log folders names CORP\\nobody over the last 1h (since 2026-12-01 11:00:00 UTC).',
    );
    expect(text(reply)).toContain('why CORP\\nobody 1d');
  });

  it('says how to set QLIK_LOG_DIR when it is not set, and how to write a span it cannot read', async () => {
    expect(text(await ask('why CORP\\mweber', false))).toContain('QLIK_LOG_DIR=/mnt/qs1/Log,/mnt/qs2/Log');
    expect((await ask('why CORP\\mweber yesterday', true)).headline).toContain(
      '"yesterday" is not a time span; write it like 2h',
    );
    expect((await ask('why mweber', true)).headline).toContain('"mweber" is not a Qlik user name');
  });
});
