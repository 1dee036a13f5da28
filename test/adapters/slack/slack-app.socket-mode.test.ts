import nodeFetch from 'node-fetch';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AnalysisPool } from '../../../src/adapters/analysis-worker/index.js';
import { createSlackApp, type SlackApp } from '../../../src/adapters/slack/create-slack-app.js';
import type { FileFetch } from '../../../src/adapters/slack/download-slack-file.js';
import { readConfig, slackCredentials } from '../../../src/config/index.js';
import { startFakeSocketModeServer, type FakeSocketModeServer } from '../../support/fake-socket-mode-server.js';
import { hasSharedFixture, sharedPath } from '../../support/shared-fixtures.js';
import { payload } from '../../support/signed-slack-request.js';
import { realBot, recordingLogger } from '../../support/slack-harness.js';
import { startSlackStandIn, type SlackStandIn } from '../../support/slack-stand-in.js';
import { createMemoryStateStore } from '../../../src/adapters/state/index.js';

describe.skipIf(!hasSharedFixture(sharedPath('fixtures', 'slack', 'payloads')))(
  'Slack app over Socket Mode (the default deployment)',
  () => {
    let slack: SlackStandIn;
    let socket: FakeSocketModeServer;
    let app: SlackApp;
    const pools: AnalysisPool[] = [];

    beforeAll(async () => {
      slack = await startSlackStandIn();
      socket = await startFakeSocketModeServer();
      slack.socketModeUrl = socket.url;
      const read = readConfig({
        SLACK_BOT_TOKEN: 'xoxb-test-token',
        SLACK_APP_TOKEN: 'xapp-test-token',
        SLACK_API_URL: `${slack.url}/api/`,
      });
      if (!read.ok) throw new Error(read.errors.join('; '));
      const checked = slackCredentials(read.config.slack);
      if (!checked.ok) throw new Error(checked.error);
      const logger = recordingLogger();
      app = createSlackApp({
        config: read.config.slack,
        credentials: checked.credentials,
        logLevel: 'error',
        bot: await realBot({ slack, logger, pools }),
        logger,
        fetchFile: nodeFetch as unknown as FileFetch,
        state: createMemoryStateStore(),
        webApiRetries: 0,
      });
      expect(app.transport).toEqual({ mode: 'socket' });
      expect(await app.start()).toEqual({ port: null });
    });
    afterAll(async () => {
      await app.stop();
      // The app closes the WebSocket itself (close handshake); the server only goes away after that.
      await vi.waitFor(() => expect(socket.connections()).toBe(0), { timeout: 10_000, interval: 20 });
      await socket.close();
      await slack.close();
      await Promise.all(pools.map((pool) => pool.close()));
    });

    it('opened the connection with the app-level token through SLACK_API_URL', () => {
      const [open] = slack.callsTo('apps.connections.open');
      expect(open?.authorization).toBe('Bearer xapp-test-token');
      expect(socket.connections()).toBe(1);
    });

    it('acknowledges an events_api envelope and replies in the thread with the bot token', async () => {
      const base = payload('message-channels.json');
      const ts = `${Math.floor(Date.now() / 1000)}.000001`;
      const event = {
        ...(base['event'] as object),
        channel: 'CSOCKET01',
        ts,
        event_ts: ts,
        text: 'Since this morning users get "You cannot access Qlik Sense because you have too many sessions active in parallel"',
      };
      socket.send({
        envelope_id: 'env-1',
        type: 'events_api',
        accepts_response_payload: false,
        retry_attempt: 0,
        retry_reason: '',
        payload: { ...base, event_id: 'EvSOCKET1', event },
      });
      await vi.waitFor(() => expect(socket.received.map((message) => message['envelope_id'])).toContain('env-1'), {
        timeout: 10_000,
        interval: 20,
      });
      await vi.waitFor(() => expect(app.inFlight()).toBe(0), { timeout: 10_000, interval: 20 });
      const posts = slack.callsTo('chat.postMessage').filter((call) => call.args['channel'] === 'CSOCKET01');
      expect(posts).toHaveLength(1);
      expect(posts[0]?.args['thread_ts']).toBe(ts);
      expect(posts[0]?.authorization).toBe('Bearer xoxb-test-token');
    });

    it('acknowledges a slash command envelope and answers through response_url', async () => {
      const command = {
        token: 'x',
        team_id: 'T1',
        channel_id: 'C1',
        user_id: 'U1',
        command: '/qlik-sessions',
        text: 'kb five-session-limit',
        response_url: `${slack.url}/commands/socket-1`,
        trigger_id: '1.2.3',
        api_app_id: 'A123ABC456',
      };
      socket.send({ envelope_id: 'env-2', type: 'slash_commands', accepts_response_payload: true, payload: command });
      await vi.waitFor(() => expect(socket.received.map((message) => message['envelope_id'])).toContain('env-2'), {
        timeout: 10_000,
        interval: 20,
      });
      await vi.waitFor(
        () =>
          expect(slack.callsTo('response_url').filter((call) => call.path === '/commands/socket-1')).toHaveLength(1),
        { timeout: 10_000, interval: 20 },
      );
      const [answer] = slack.callsTo('response_url').filter((call) => call.path === '/commands/socket-1');
      expect(answer?.args['response_type']).toBe('ephemeral');
      expect(JSON.stringify(answer?.args['blocks'])).toContain('qlik_sessions_share');
    });
  },
);
