import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryStateStore } from '../../src/adapters/state/index.js';
import { RECENT_ALERTS, silentLogger, type StateStore, type Watch } from '../../src/bot/index.js';
import { readConfig, type AppConfig } from '../../src/config/index.js';
import { buildApp } from '../../src/main.js';
import { QlikNodeLogs } from '../support/qlik-log-writer.js';
import { startSlackStandIn, type RecordedCall, type SlackStandIn } from '../support/slack-stand-in.js';
import { waitFor } from '../support/wait-for.js';

const CHANNEL = 'C0ALERTS01';
let dir: string;
let slack: SlackStandIn;
const problems: string[] = [];
const errors: unknown[] = [];

function configFor(): AppConfig {
  const read = readConfig({
    QLIK_LOG_DIR: join(dir, 'Log'),
    QLIK_ALERT_CHANNEL: CHANNEL,
    QLIK_WATCH_INTERVAL_SECONDS: '1',
    QLIK_WATCH_STATE: join(dir, 'state', 'watch.json'),
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_API_URL: `${slack.url}/api/`,
    QLIK_ADMINS: 'UADMIN01',
  });
  if (!read.ok) throw new Error(read.errors.join('; '));
  return read.config;
}

async function startWatch(store: StateStore): Promise<Watch> {
  const app = buildApp(configFor(), {
    logger: { ...silentLogger, error: (first: unknown) => void errors.push(first) },
    webApiRetries: 0,
  });
  const sink = await app.slackAlertSink();
  if (sink === undefined) throw new Error('QLIK_ALERT_CHANNEL and SLACK_BOT_TOKEN are set: there must be a Slack sink');
  const built = await app.watch(sink, { store, endButton: true, onProblem: (text) => problems.push(text) });
  if (!built.ok) throw new Error(built.error);
  built.watch.start();
  return built.watch;
}

const posts = (): RecordedCall[] => slack.callsTo('chat.postMessage');
const topLevel = (): RecordedCall[] => posts().filter((call) => call.args['thread_ts'] === undefined);
const blocksText = (call: RecordedCall | undefined): string => JSON.stringify(call?.args['blocks'] ?? []);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'qlik-watch-slack-'));
  slack = await startSlackStandIn();
});
afterAll(async () => {
  await slack.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the watch posting to the alert channel (real timing, a temporary log folder written as Qlik does)', () => {
  it('warns once at 5, gives the verdict on the refusal, follows up in the thread, and says nothing of history after a restart', async () => {
    const now = Date.now();
    const qs1 = new QlikNodeLogs(join(dir, 'Log', 'QS1'), 'QS1', 60);
    const qs2 = new QlikNodeLogs(join(dir, 'Log', 'QS2'), 'QS2', -300);
    // History: a user at 5 two hours ago, before the watch ever ran. It must not be announced.
    for (let index = 0; index < 5; index++)
      qs1.start(now - 2 * 3_600_000 + index * 1000, 'CORP\\old', `old${index}`, '10.0.0.9');

    const store = createMemoryStateStore();
    const watch = await startWatch(store);
    await waitFor(() => existsSync(join(dir, 'state', 'watch.json')), 'the first read of the folders');

    for (let index = 0; index < 3; index++) qs1.start(Date.now() + index, 'CORP\\mweber', `m${index}`, '10.0.0.1');
    qs2.start(Date.now(), 'CORP\\mweber', 'm3', '<!here> 10.0.0.2');
    qs2.start(Date.now() + 5, 'CORP\\mweber', 'm4', '10.0.0.2', { partial: true });
    const warning = await waitFor(() => topLevel()[0], 'the at-limit warning');
    expect(warning.args['channel']).toBe(CHANNEL);
    expect(warning.args['text']).toContain(
      'CORP\\mweber has 5 parallel sessions on QS1, QS2, at the limit of 5: the next one will be refused',
    );
    expect(warning.args['text']).toContain('likely several browsers or machines');
    expect(blocksText(warning)).toContain('qlik_sessions_end_sessions');
    // The client address came from a log: escaped, never a mention.
    expect(blocksText(warning)).toContain('&lt;!here&gt;');
    expect(blocksText(warning)).not.toContain('<!here>');
    qs2.finishPartial();

    qs1.denyAtLimit(Date.now(), 'CORP\\mweber', 'm5', '::ffff:10.0.0.3');
    const refusal = await waitFor(() => topLevel()[1], 'the refusal verdict');
    expect(refusal.args['text']).toContain('Refused at the limit: CORP\\mweber hit the limit of 5 parallel sessions');
    expect(blocksText(refusal)).toContain('hit the limit of 5 parallel sessions');

    // Two sessions end (count dropped, in the thread), two more start: the same warning again goes into the thread.
    qs1.stop(Date.now(), 'CORP\\mweber', 'm0');
    qs1.stop(Date.now(), 'CORP\\mweber', 'm1');
    const dropped = await waitFor(
      () =>
        posts().find((call) => call.args['thread_ts'] !== undefined && String(call.args['text']).includes('down to 3')),
      'count dropped in the thread',
    );
    expect(dropped.args['channel']).toBe(CHANNEL);
    const thread = dropped.args['thread_ts'];
    qs1.start(Date.now(), 'CORP\\mweber', 'm6', '10.0.0.1');
    qs1.start(Date.now() + 1, 'CORP\\mweber', 'm7', '10.0.0.1');
    const again = await waitFor(
      () =>
        posts().find(
          (call) => call.args['thread_ts'] === thread && String(call.args['text']).includes('has 5 parallel sessions'),
        ),
      'the second warning in the thread',
    );
    expect(again.args['channel']).toBe(CHANNEL);
    expect(topLevel()).toHaveLength(2);
    const recent = (await store.readRecent(RECENT_ALERTS, 10)).map(
      (text) => JSON.parse(text) as { cause: string; user: string; channel?: string },
    );
    expect(recent.map((entry) => entry.cause)).toEqual(['count-dropped', 'refused', 'at-limit']);
    expect(recent[2]).toMatchObject({ user: 'CORP\\mweber', channel: CHANNEL });

    // Restart (memory store lost, positions kept in QLIK_WATCH_STATE): only what is new is told.
    await watch.stop();
    const before = posts().length;
    const restarted = await startWatch(createMemoryStateStore());
    for (let index = 0; index < 5; index++) qs2.start(Date.now() + index, 'CORP\\jdoe', `j${index}`, `10.0.1.${index}`);
    const jdoe = await waitFor(
      () =>
        posts()
          .slice(before)
          .find((call) => String(call.args['text']).includes('CORP\\jdoe')),
      "the new user's warning after the restart",
    );
    await restarted.stop();
    expect(posts().slice(before)).toEqual([jdoe]);
    expect(problems).toEqual([]);
    expect(errors).toEqual([]);
  }, 60_000);
});
