import type { Logger } from '../../bot/index.js';

/** The Slack adapter logs through the app's one structured logger. Lines carry ids and counts, never tokens or message text. */
export type AppLogger = Logger;

export type LogLevelName = 'debug' | 'info' | 'warn' | 'error';
