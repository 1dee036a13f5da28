import type { Server } from 'node:http';
import { App, HTTPReceiver, SocketModeReceiver, type CustomRoute, type Receiver } from '@slack/bolt';
import { registerActionListeners } from './action-listeners.js';
import { registerAnalyzeModal } from './analyze-modal.js';
import { describeError, noopMetrics } from '../../bot/index.js';
import { createBoltLogger } from './bolt-logger.js';
import { registerCommandListener } from './command-listener.js';
import { createDeliverReply } from './deliver-reply.js';
import { ignoreMalformedEvents } from './ignore-malformed-events.js';
import { registerAppHomeListeners } from './listeners/app-home-listeners.js';
import { registerShortcutListeners } from './listeners/shortcut-listeners.js';
import { registerMessageListeners } from './message-listener.js';
import { resolveSupportChannels } from './resolve-support-channels.js';
import { refuseFutureTimestamps } from './refuse-future-timestamps.js';
import { createSlackAttachments } from './slack-attachments.js';
import type { HttpRoute, SlackAppDeps } from './slack-app-deps.js';
import { SlackState } from './slack-state.js';
import type { UploadFetch } from './upload-files.js';
import { WorkTracker } from './work-tracker.js';

export type SlackTransport = { readonly mode: 'socket' } | { readonly mode: 'http'; readonly port: number };

export interface SlackApp {
  readonly transport: SlackTransport;
  /** Checks the bot token (auth.test) and starts receiving; HTTP mode resolves with the bound port. */
  start(port?: number): Promise<{ readonly port: number | null }>;
  /** Stops receiving, then waits for replies in flight. */
  stop(): Promise<void>;
  /** Replies still being worked on. */
  inFlight(): number;
  /** Slack is reachable: auth.test passed at start (HTTP mode), and the WebSocket is up (Socket Mode). */
  connected(): boolean;
}

/** GET /healthz when no routes are handed in: a plain "alive". */
const ALIVE_ROUTE: HttpRoute = {
  path: '/healthz',
  handler: (_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true }));
  },
};

const DEFAULT_PROGRESS_BYTES = 1024 * 1024;

function httpRoutes(deps: SlackAppDeps): CustomRoute[] {
  return (deps.routes ?? [ALIVE_ROUTE]).map((route) => ({ path: route.path, method: ['GET'], handler: route.handler }));
}

/**
 * The Slack app: Socket Mode when an app token is configured, otherwise HTTP at /slack/events (plus GET /healthz)
 * with signed requests. Listeners acknowledge first and work after; deliveries are de-duplicated.
 */
export function createSlackApp(deps: SlackAppDeps): SlackApp {
  const { config, credentials } = deps;
  const now = deps.now ?? Date.now;
  // Bolt, its receivers and the Web API client log through our logger: one JSON format, content cut out.
  const logger = createBoltLogger(deps.logger, deps.logLevel);
  const clientOptions = {
    slackApiUrl: config.apiUrl,
    ...(deps.webApiRetries === undefined ? {} : { retryConfig: { retries: deps.webApiRetries } }),
    ...(deps.outbound === undefined ? {} : { fetch: deps.outbound.fetch }),
  };

  let receiver: Receiver;
  let transport: SlackTransport;
  let socketUp = false;
  let started = false;
  if (credentials.receiver.mode === 'socket') {
    const socketReceiver = new SocketModeReceiver({
      appToken: credentials.receiver.appToken,
      logger,
      installerOptions: { clientOptions },
      ...(deps.outbound === undefined ? {} : { dispatcher: deps.outbound.dispatcher }),
    });
    // Readiness follows the WebSocket: down while the client reconnects.
    socketReceiver.client.on('connected', () => {
      socketUp = true;
    });
    for (const state of ['disconnected', 'reconnecting'] as const) {
      socketReceiver.client.on(state, () => {
        socketUp = false;
      });
    }
    receiver = socketReceiver;
    transport = { mode: 'socket' };
  } else {
    const httpReceiver = new HTTPReceiver({
      signingSecret: credentials.receiver.signingSecret,
      endpoints: ['/slack/events'],
      logger,
      customRoutes: httpRoutes(deps),
    });
    httpReceiver.requestListener = refuseFutureTimestamps(httpReceiver.requestListener, now, () => {
      deps.logger.warn('refused a request dated more than 5 minutes in the future');
      deps.metrics?.eventHandled('request', 'refused');
    });
    receiver = httpReceiver;
    transport = { mode: 'http', port: credentials.receiver.port };
  }

  const app = new App({ token: credentials.botToken, receiver, logger, clientOptions, deferInitialization: true });
  let botUserId: string | undefined;
  // Ids are known before start; names only after conversations.list, so nothing is watched until then.
  let supportChannels: readonly string[] | 'all' = config.supportChannels === 'all' ? 'all' : [];
  const local = deps.localState === undefined ? {} : { local: deps.localState };
  const state = new SlackState({ store: deps.state, ...local, logger: deps.logger });
  const tracker = new WorkTracker();
  const { botToken } = credentials;
  const idle = deps.fileIdleTimeoutMs;
  const policy = {
    fileHosts: config.fileHosts,
    maxBytes: config.maxFileBytes,
    ...(idle === undefined ? {} : { idleTimeoutMs: idle }),
  };
  const attachments = createSlackAttachments({ logger: deps.logger, botToken, policy, fetchFile: deps.fetchFile });
  // Looked up per upload, so a global fetch the process installs after start-up is the one used.
  const uploadFetch: UploadFetch = deps.uploadFetch ?? ((url, init) => globalThis.fetch(url, init));
  const upload = { fileHosts: config.fileHosts, botToken, fetch: uploadFetch };
  const deliver = createDeliverReply({ logger: deps.logger, renderPng: deps.renderPng, upload });
  const metrics = deps.metrics ?? noopMetrics;
  // Each listener gets what it works with, nothing more.
  const base = { bot: deps.bot, logger: deps.logger, tracker };

  ignoreMalformedEvents(app, (reason) => deps.logger.warn(`acknowledged and ignored a signed event: ${reason}`));
  // Slack retries deliveries it thinks failed; the same event_id is answered once, by whichever replica claims it.
  // Counted as in flight from here: the claim goes to Redis after Slack was acknowledged, and stop() must wait for it.
  app.use(({ body, next }) =>
    tracker.track(async () => {
      const eventId = (body as { event_id?: unknown }).event_id;
      if (typeof eventId === 'string' && !(await state.firstDelivery(`event:${eventId}`))) {
        deps.logger.debug(`ignored repeated delivery ${eventId}`);
        return;
      }
      await next();
    }),
  );
  registerMessageListeners(app, {
    ...base,
    metrics,
    state,
    attachments,
    deliver,
    botUserId: () => botUserId,
    supportChannels: () => supportChannels,
    progressThresholdBytes: deps.progressThresholdBytes ?? DEFAULT_PROGRESS_BYTES,
  });
  registerCommandListener(app, { ...base, metrics, state });
  registerActionListeners(app, { ...base, metrics, state, feedback: deps.feedback });
  registerAnalyzeModal(app, { ...base, attachments, deliver });
  registerShortcutListeners(app, { ...base, attachments, deliver });
  const home = { admins: config.admins, home: deps.home, alerts: deps.state, feedback: deps.feedback };
  registerAppHomeListeners(app, { ...base, ...home });
  app.error(async (error) => {
    deps.logger.error(`unhandled listener error: ${describeError(error)}`);
  });

  return {
    transport,
    async start(port) {
      await app.init();
      const auth = await app.client.auth.test();
      botUserId = typeof auth.user_id === 'string' ? auth.user_id : undefined;
      supportChannels = await resolveSupportChannels(app.client, config.supportChannels);
      if (transport.mode === 'socket') {
        await app.start();
        started = true;
        return { port: null };
      }
      const server = (await app.start(port ?? transport.port)) as Server;
      started = true;
      const address = server.address();
      return { port: typeof address === 'object' && address !== null ? address.port : (port ?? transport.port) };
    },
    async stop() {
      // A start refused before the receiver started (auth.test, channel names) leaves nothing to stop.
      const wasStarted = started;
      started = false;
      if (wasStarted) await app.stop();
      await tracker.drain();
    },
    inFlight: () => tracker.size,
    connected: () => started && (transport.mode === 'http' || socketUp),
  };
}
