/** One-line log sink of the app (Slack, live Qlik, the bot's errors). Lines carry ids and counts, never tokens or message text. */
export interface AppLogger {
  debug(line: string): void;
  info(line: string): void;
  warn(line: string): void;
  error(line: string): void;
}

export type LogLevelName = 'debug' | 'info' | 'warn' | 'error';

/** Error detail for log lines: the message of an Error (the Slack SDK puts the API error code there), never a body. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 300);
  return 'non-Error thrown';
}
