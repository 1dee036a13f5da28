import { createAnalysisPool, type AnalysisPool } from '../../src/adapters/analysis-worker/index.js';
import type { SlackApp } from '../../src/adapters/slack/index.js';
import type { Bot, BotDeps, LiveQlik, StateStore } from '../../src/bot/index.js';
import { readConfig, type AppConfig, type Environment } from '../../src/config/index.js';
import { buildApp } from '../../src/main.js';
import { SIGNING_SECRET } from './signed-slack-request.js';
import { startForeignHost, startSlackStandIn, type SlackStandIn } from './slack-stand-in.js';
import { recordingLogger, type RecordingLogger } from './recording-logger.js';

export { recordingLogger, type RecordingLogger } from './recording-logger.js';

/** The real conversation: built-in knowledge entries, the worker pool (closed with the harness) or `analyze`, admins and `env` as configured. */
export async function realBot(
  context: BotContext,
  live?: LiveQlik,
  analyze?: BotDeps['analyze'],
  env: Environment = {},
): Promise<Bot> {
  const pool = createAnalysisPool({ workers: 1, logger: context.logger });
  context.pools.push(pool);
  const app = buildApp(harnessConfig(env), {
    logger: context.logger,
    analyze: analyze ?? pool.analyze,
    ...(live === undefined ? {} : { live }),
  });
  const built = await app.bot('slack');
  if (!built.ok) throw new Error(built.error);
  return built.bot;
}

/** The settings of the harness app: its admin, and the stand-in Slack when given. */
function harnessConfig(env: Environment): AppConfig {
  const parsed = readConfig({
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    QLIK_ADMINS: HARNESS_ADMIN,
    ...env,
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return parsed.config;
}

/** What a test's bot factory gets from the harness: the stand-in Slack and the logger the app writes to. */
export interface BotContext {
  readonly slack: SlackStandIn;
  readonly logger: RecordingLogger;
  /** Analysis pools the bot uses; the harness closes them. */
  readonly pools: AnalysisPool[];
}

export const HARNESS_ADMIN = 'UADMIN01';

export interface Harness {
  readonly eventsUrl: string;
  readonly baseUrl: string;
  readonly slack: SlackStandIn;
  readonly foreign: Awaited<ReturnType<typeof startForeignHost>>;
  readonly logger: RecordingLogger;
  readonly app: SlackApp;
  close(): Promise<void>;
}

export interface HarnessOptions {
  readonly bot: Bot | ((context: BotContext) => Bot | Promise<Bot>);
  readonly env?: Environment;
  readonly progressThresholdBytes?: number;
  /** Shared state (a Redis store for replica tests); default the app's own, from REDIS_URL or memory. */
  readonly state?: StateStore;
  /** The replica's own memory, used while `state` fails. */
  readonly localState?: StateStore;
  readonly fileIdleTimeoutMs?: number;
}

/** The real Bolt HTTP receiver on a free port, talking to a local stand-in Slack Web API through SLACK_API_URL. */
export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const slack = await startSlackStandIn();
  const foreign = await startForeignHost();
  const config = harnessConfig({ SLACK_API_URL: `${slack.url}/api/`, SLACK_FILE_HOSTS: slack.host, ...options.env });
  const logger = recordingLogger();
  const pools: AnalysisPool[] = [];
  const bot = typeof options.bot === 'function' ? await options.bot({ slack, logger, pools }) : options.bot;
  const started = await buildApp(config, {
    logger,
    bot,
    webApiRetries: 0,
    ...(options.progressThresholdBytes === undefined ? {} : { progressThresholdBytes: options.progressThresholdBytes }),
    ...(options.state === undefined ? {} : { state: options.state }),
    ...(options.localState === undefined ? {} : { localState: options.localState }),
    ...(options.fileIdleTimeoutMs === undefined ? {} : { fileIdleTimeoutMs: options.fileIdleTimeoutMs }),
  }).startSlack({ port: 0 });
  if (!started.ok) throw new Error(started.error);
  const { app, port } = started;
  const baseUrl = `http://127.0.0.1:${port ?? 0}`;
  return {
    eventsUrl: `${baseUrl}/slack/events`,
    baseUrl,
    slack,
    foreign,
    logger,
    app,
    close: async () => {
      await app.stop();
      await Promise.all(pools.map((pool) => pool.close()));
      await slack.close();
      await foreign.close();
    },
  };
}
