import nodeFetch from 'node-fetch';
import { loadKnowledgeBase } from '../../src/adapters/knowledge-files/index.js';
import { createWorkerAnalyzer } from '../../src/adapters/slack/analyze-in-worker.js';
import { createSlackApp, type SlackApp } from '../../src/adapters/slack/create-slack-app.js';
import type { FileFetch } from '../../src/adapters/slack/download-slack-file.js';
import type { Bot } from '../../src/bot/bot.js';
import { createBot } from '../../src/bot/create-bot.js';
import type { LiveQlik } from '../../src/bot/live-qlik.js';
import { readConfig, type Environment } from '../../src/config/index.js';
import { SIGNING_SECRET } from './signed-slack-request.js';
import { startForeignHost, startSlackStandIn, type SlackStandIn } from './slack-stand-in.js';

import { recordingLogger, type RecordingLogger } from './recording-logger.js';

export { recordingLogger, type RecordingLogger } from './recording-logger.js';

/** The real conversation: built-in knowledge entries, the worker-thread analyzer, admins as in the harness config. */
export async function realBot(context: BotContext, live?: LiveQlik): Promise<Bot> {
  const knowledge = await loadKnowledgeBase({});
  if (!knowledge.ok) throw new Error(knowledge.error);
  return createBot({
    knowledge: knowledge.knowledge,
    serviceAccounts: [],
    live,
    analyze: createWorkerAnalyzer(),
    isAdmin: (senderId) => senderId === HARNESS_ADMIN,
    auditEnding: (level, { event, ...fields }) => context.logger[level](fields, event),
  });
}

/** What a test's bot factory gets from the harness: the stand-in Slack and the logger the app writes to. */
export interface BotContext {
  readonly slack: SlackStandIn;
  readonly logger: RecordingLogger;
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
}

/** The real Bolt HTTP receiver on a free port, talking to a local stand-in Slack Web API through SLACK_API_URL. */
export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const slack = await startSlackStandIn();
  const foreign = await startForeignHost();
  const parsed = readConfig({
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: `${slack.url}/api/`,
    SLACK_FILE_HOSTS: slack.host,
    QLIK_ADMINS: HARNESS_ADMIN,
    ...options.env,
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  const logger = recordingLogger();
  const created = createSlackApp({
    config: parsed.config.slack,
    logLevel: 'error',
    bot: typeof options.bot === 'function' ? await options.bot({ slack, logger }) : options.bot,
    logger,
    fetchFile: nodeFetch as unknown as FileFetch,
    webApiRetries: 0,
    ...(options.progressThresholdBytes === undefined ? {} : { progressThresholdBytes: options.progressThresholdBytes }),
  });
  if (!created.ok) throw new Error(created.error);
  const { port } = await created.app.start(0);
  const baseUrl = `http://127.0.0.1:${port ?? 0}`;
  return {
    eventsUrl: `${baseUrl}/slack/events`,
    baseUrl,
    slack,
    foreign,
    logger,
    app: created.app,
    close: async () => {
      await created.app.stop();
      await slack.close();
      await foreign.close();
    },
  };
}
