import type { SocketModeReceiver } from '@slack/bolt';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SlackConfig, SlackCredentials } from '../../config/index.js';
import type { AppMetrics, Bot, FeedbackRecorder, QlikApiStatus, StateStore } from '../../bot/index.js';
import type { AppLogger, LogLevelName } from './app-logger.js';
import type { FileFetch } from './download-slack-file.js';
import type { UploadFetch } from './upload-files.js';

/** A GET route served beside /slack/events in HTTP mode (health, readiness, metrics). */
export interface HttpRoute {
  readonly path: string;
  readonly handler: (request: IncomingMessage, response: ServerResponse) => void;
}

/** Outbound HTTP to Slack through a proxy: the Web API's fetch and the Socket Mode WebSocket's undici dispatcher. */
export interface SlackOutbound {
  readonly fetch: (url: string | URL, init?: RequestInit) => Promise<Response>;
  readonly dispatcher: NonNullable<ConstructorParameters<typeof SocketModeReceiver>[0]['dispatcher']>;
}

/** What the Slack app is built from; everything that crosses a boundary is injected. */
export interface SlackAppDeps {
  readonly config: SlackConfig;
  /** Checked once, by slackCredentials in src/config. */
  readonly credentials: SlackCredentials;
  readonly logLevel: LogLevelName;
  readonly bot: Bot;
  readonly logger: AppLogger;
  /** Fetch used for shared-file downloads only (node-fetch in production). */
  readonly fetchFile: FileFetch;
  /** De-duplication, cooldowns, answered threads, shared replies, click nonces, feedback counts (Redis for replicas). */
  readonly state: StateStore;
  /** This replica's memory, used while a shared `state` fails (not for End clicks, which are then refused). */
  readonly localState?: StateStore;
  /** A shared-file download that sends nothing for this long is given up; default 30 s. */
  readonly fileIdleTimeoutMs?: number;
  readonly now?: () => number;
  /** Files at least this large (or of unknown size) get a progress reaction; default 1 MB. */
  readonly progressThresholdBytes?: number;
  /** Web API retries; tests set 0 (the SDK default retries for half an hour). */
  readonly webApiRetries?: number;
  /** HTTP mode: GET routes beside /slack/events; default a plain /healthz. */
  readonly routes?: readonly HttpRoute[];
  readonly metrics?: AppMetrics;
  /** Set when HTTPS_PROXY applies to Slack. */
  readonly outbound?: SlackOutbound;
  /** Draws a reply's picture (the timeline) as PNG; without it no pictures are uploaded. */
  readonly renderPng?: (svg: string) => Promise<Uint8Array>;
  /** POSTs uploaded bytes to Slack's upload URL; the global fetch by default. */
  readonly uploadFetch?: UploadFetch;
  /** Counts helpful / not helpful; without it the clicks are only logged. */
  readonly feedback?: FeedbackRecorder;
  /** App Home: the knowledge index and, for admins, the Qlik API status. */
  readonly home?: HomeSources;
}

/** What App Home shows besides the bot's own text. */
export interface HomeSources {
  readonly entries: readonly { readonly id: string; readonly title: string }[];
  /** Undefined when the Qlik APIs are not configured. */
  readonly qlikStatus?: () => Promise<QlikApiStatus>;
}
