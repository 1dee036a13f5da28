import type { AppConfig, SlackConfig } from './read-config.js';

/** How the app receives events: Socket Mode with an app-level token, or signed HTTP requests on PORT. */
export type SlackReceiverSettings =
  | { readonly mode: 'socket'; readonly appToken: string }
  | { readonly mode: 'http'; readonly signingSecret: string; readonly port: number };

export interface SlackCredentials {
  readonly botToken: string;
  readonly receiver: SlackReceiverSettings;
}

export type SlackCredentialsResult =
  { readonly ok: true; readonly credentials: SlackCredentials } | { readonly ok: false; readonly error: string };

const BOT_TOKEN = 'SLACK_BOT_TOKEN: the Bot User OAuth Token (xoxb-...) from "OAuth & Permissions" of your Slack app';
const RECEIVER =
  'SLACK_APP_TOKEN (Socket Mode: an app-level token xapp-... with connections:write, from "Basic Information") ' +
  'or SLACK_SIGNING_SECRET (HTTP mode: the Signing Secret from "Basic Information")';

/** A bot token means Slack is wanted (`start` serves it); `slackCredentials` then says whether it can be served. */
export function hasSlackCredentials(config: AppConfig): boolean {
  return config.slack.botToken !== undefined;
}

/** The one check of the Slack credentials: what Bolt needs, or the settings still to set, each with where to find it. */
export function slackCredentials(config: SlackConfig): SlackCredentialsResult {
  const missing: string[] = [];
  if (config.botToken === undefined) missing.push(BOT_TOKEN);
  if (config.appToken === undefined && config.signingSecret === undefined) missing.push(RECEIVER);
  if (config.botToken === undefined || missing.length > 0) {
    return {
      ok: false,
      error: `Slack is not configured. Set:\n${missing.map((line) => `  - ${line}\n`).join('')}See README "Install in your workspace".`,
    };
  }
  const receiver: SlackReceiverSettings =
    config.appToken !== undefined
      ? { mode: 'socket', appToken: config.appToken }
      : { mode: 'http', signingSecret: config.signingSecret ?? '', port: config.port };
  return { ok: true, credentials: { botToken: config.botToken, receiver } };
}
