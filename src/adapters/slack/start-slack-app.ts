import nodeFetch from 'node-fetch';
import { createBot } from '../../bot/index.js';
import type { AppConfig } from '../../config/index.js';
import { loadKnowledgeBase } from '../knowledge-files/index.js';
import { createLiveQlik, isLiveQlikConfigured } from '../qlik/index.js';
import { createWorkerAnalyzer } from './analyze-in-worker.js';
import { describeError, type AppLogger } from './app-logger.js';
import { createSlackApp, type SlackApp } from './create-slack-app.js';
import type { FileFetch } from './download-slack-file.js';

export type StartedSlackApp =
  | { readonly ok: true; readonly app: SlackApp; readonly port: number | null }
  | { readonly ok: false; readonly error: string };

export interface StartSlackOptions {
  readonly logger: AppLogger;
  /** HTTP mode only; defaults to PORT. */
  readonly port?: number;
  /** Web API retries; the SDK default retries for half an hour, too long to learn that a token is wrong. */
  readonly webApiRetries?: number;
}

/** Why start-up failed, in the words an admin needs: which setting, and what to do. */
function startFailure(error: unknown, config: AppConfig, port: number): string {
  const detail = describeError(error);
  if (/invalid_auth|not_authed|account_inactive|token_revoked/.test(detail)) {
    return `Slack refused SLACK_BOT_TOKEN (${detail}): copy the Bot User OAuth Token again from "OAuth & Permissions", and reinstall the app if it was removed.`;
  }
  if (/EADDRINUSE/.test(detail)) return `PORT ${port} is already in use: set PORT to a free port.`;
  if (/ENOTFOUND|ECONNREFUSED|fetch failed|ETIMEDOUT/i.test(detail)) {
    return `Slack could not be reached at SLACK_API_URL (${config.slack.apiUrl}): check the URL and the network or proxy (${detail}).`;
  }
  if (config.slack.appToken !== undefined && /app|socket|connections/i.test(detail)) {
    return `Socket Mode could not connect (${detail}): check SLACK_APP_TOKEN (an app-level token with connections:write) and that Socket Mode is on for the app.`;
  }
  return `Slack start-up failed (${detail}).`;
}

/** The composition root of the Slack app: knowledge, bot, worker analysis, live Qlik (when configured), Bolt. */
export async function startSlackApp(config: AppConfig, options: StartSlackOptions): Promise<StartedSlackApp> {
  const { logger } = options;
  const knowledge = await loadKnowledgeBase({ siteDir: config.qlik.kbDir });
  if (!knowledge.ok) return { ok: false, error: `The knowledge entries could not be loaded: ${knowledge.error} (QLIK_KB_DIR).` };
  const live = isLiveQlikConfigured(config.qlik) ? createLiveQlik(config.qlik, { logger: { warn: (line: string) => logger.warn(line) } }) : undefined;
  const admins = new Set(config.slack.admins);
  const bot = createBot({
    knowledge: knowledge.knowledge,
    serviceAccounts: config.qlik.serviceAccounts,
    live,
    analyze: createWorkerAnalyzer(),
    isAdmin: (senderId) => admins.has(senderId),
    maxFileBytes: config.slack.maxFileBytes,
    reportError: (error) => logger.error(`bot: ${describeError(error)}`),
    auditEnding: (level, { event, ...fields }) => logger[level](fields, event),
  });
  const created = createSlackApp({
    config: config.slack,
    logLevel: config.logLevel,
    bot,
    logger,
    fetchFile: nodeFetch as unknown as FileFetch,
    webApiRetries: options.webApiRetries ?? 3,
  });
  if (!created.ok) return created;
  const port = options.port ?? config.slack.port;
  try {
    const started = await created.app.start(port);
    return { ok: true, app: created.app, port: started.port };
  } catch (error) {
    await created.app.stop().catch(() => undefined);
    return { ok: false, error: startFailure(error, config, port) };
  }
}
