import type { Logger } from '../../bot/index.js';

/** The Slack adapter logs through the app's one structured logger. Lines carry ids and counts, never tokens or message text. */
export type AppLogger = Logger;

export type LogLevelName = 'debug' | 'info' | 'warn' | 'error';

/** Error detail for logs: the message of an Error (the Slack SDK puts the API error code there), never a body. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 300);
  return 'non-Error thrown';
}
