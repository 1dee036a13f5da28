import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { postSigned } from '../../support/signed-slack-request.js';
import { realBot, startHarness } from '../../support/slack-harness.js';
import { startSlackStandIn, type SlackStandIn } from '../../support/slack-stand-in.js';
import { buildApp } from '../../../src/main.js';
import { readConfig } from '../../../src/config/index.js';
import { recordingLogger } from '../../support/recording-logger.js';
import type { Bot } from '../../../src/bot/index.js';

const QUESTION =
  'Users get "You cannot access Qlik Sense because you have too many sessions active in parallel" since this morning';

function channelMessage(channel: string, n: number): string {
  const ts = `${Math.floor(Date.now() / 1000)}.00${n}100`;
  return JSON.stringify({
    type: 'event_callback',
    event_id: `EvNAMES${n}`,
    event_time: Math.floor(Date.now() / 1000),
    event: { type: 'message', channel, channel_type: 'channel', user: 'U0NAMES01', text: QUESTION, ts, event_ts: ts },
  });
}

const silentBot: Bot = {
  handle: async () => ({ kind: 'quiet', reason: 'test' }),
  endSessions: async () => ({
    tone: 'error',
    headline: '',
    sections: [],
    facts: null,
    entries: [],
    caveats: [],
    actions: [],
  }),
};

/** Starts the real Slack app (HTTP mode on a free port) and stops it again; the start-up error, if any. */
async function startWith(slack: SlackStandIn, channels: string): Promise<string | undefined> {
  const read = readConfig({
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: 's',
    SLACK_API_URL: `${slack.url}/api/`,
    QLIK_SUPPORT_CHANNELS: channels,
  });
  if (!read.ok) throw new Error(read.errors.join('; '));
  const started = await buildApp(read.config, {
    logger: recordingLogger(),
    bot: silentBot,
    webApiRetries: 0,
  }).startSlack({ port: 0 });
  if (!started.ok) return started.error;
  await started.app.stop();
  return undefined;
}

describe('QLIK_SUPPORT_CHANNELS by name', () => {
  let slack: SlackStandIn;
  beforeEach(async () => {
    slack = await startSlackStandIn();
    slack.channels = [
      { id: 'C0GENERAL1', name: 'general' },
      { id: 'C0RANDOM01', name: 'random' },
      { id: 'C0QLIKSUP1', name: 'qlik-support' },
    ];
  });
  afterEach(async () => {
    await slack.close();
  });

  it('resolves #names to ids at start (across pages) and auto-replies there, not elsewhere', async () => {
    const harness = await startHarness({
      bot: (context) => realBot(context),
      env: { SLACK_API_URL: `${slack.url}/api/`, QLIK_SUPPORT_CHANNELS: '#qlik-support' },
    });
    try {
      expect(slack.callsTo('conversations.list').length).toBe(2);
      expect((await postSigned(harness.eventsUrl, channelMessage('C0RANDOM01', 1))).status).toBe(200);
      expect((await postSigned(harness.eventsUrl, channelMessage('C0QLIKSUP1', 2))).status).toBe(200);
      await vi.waitFor(() => expect(slack.callsTo('chat.postMessage')).toHaveLength(1), {
        timeout: 20_000,
        interval: 20,
      });
      await vi.waitFor(() => expect(harness.app.inFlight()).toBe(0), { timeout: 20_000, interval: 20 });
      expect(slack.callsTo('chat.postMessage').map((call) => call.args['channel'])).toEqual(['C0QLIKSUP1']);
    } finally {
      await harness.close();
    }
  });

  it('refuses to start on a name no channel has, saying how to fix it', async () => {
    const error = await startWith(slack, '#qlik-suport');
    expect(error).toContain('no channel named #qlik-suport is visible to the app');
    expect(error).toContain('or use the channel id');
  });

  it('refuses to start without the scopes to look names up, naming them', async () => {
    slack.conversationsError = 'missing_scope';
    const error = await startWith(slack, 'qlik-support, C0GENERAL1');
    expect(error).toContain('needs the channels:read and groups:read scopes');
  });

  it('does not call conversations.list for ids', async () => {
    expect(await startWith(slack, 'C0GENERAL1')).toBeUndefined();
    expect(slack.callsTo('conversations.list')).toHaveLength(0);
  });
});
