import { createSlackApp, type SlackApp } from './create-slack-app.js';
import { describeError } from '../../bot/index.js';
import { StartupRefusal } from './resolve-support-channels.js';
import type { SlackAppDeps } from './slack-app-deps.js';

export type StartedSlackApp =
  | { readonly ok: true; readonly app: SlackApp; readonly port: number | null }
  | { readonly ok: false; readonly error: string };

/** Why start-up failed, in the words an admin needs: which setting, and what to do. */
function startFailure(error: unknown, deps: SlackAppDeps, port: number): string {
  if (error instanceof StartupRefusal) return error.message;
  const detail = describeError(error);
  if (/invalid_auth|not_authed|account_inactive|token_revoked/.test(detail)) {
    return `Slack refused SLACK_BOT_TOKEN (${detail}): copy the Bot User OAuth Token again from "OAuth & Permissions", and reinstall the app if it was removed.`;
  }
  if (/EADDRINUSE/.test(detail)) return `PORT ${port} is already in use: set PORT to a free port.`;
  if (/ENOTFOUND|ECONNREFUSED|fetch failed|ETIMEDOUT/i.test(detail)) {
    return `Slack could not be reached at SLACK_API_URL (${deps.config.apiUrl}): check the URL and the network or proxy (${detail}).`;
  }
  if (deps.credentials.receiver.mode === 'socket' && /app|socket|connections/i.test(detail)) {
    return `Socket Mode could not connect (${detail}): check SLACK_APP_TOKEN (an app-level token with connections:write) and that Socket Mode is on for the app.`;
  }
  return `Slack start-up failed (${detail}).`;
}

/** Builds the Bolt app and starts receiving (HTTP mode on `port`, default PORT); a failure says which setting to fix. */
export async function startSlackApp(deps: SlackAppDeps, port: number = deps.config.port): Promise<StartedSlackApp> {
  const app = createSlackApp(deps);
  try {
    const started = await app.start(port);
    return { ok: true, app, port: started.port };
  } catch (error) {
    await app.stop().catch(() => undefined);
    return { ok: false, error: startFailure(error, deps, port) };
  }
}
