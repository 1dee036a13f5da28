/** One-line log sink of the Slack adapter. Lines carry ids and counts, never tokens or message text. */
export interface AppLogger {
  debug(line: string): void;
  info(line: string): void;
  warn(line: string): void;
  error(line: string): void;
}

export type LogLevelName = 'debug' | 'info' | 'warn' | 'error';

const ORDER: readonly LogLevelName[] = ['debug', 'info', 'warn', 'error'];

/** Writes `level line` to a stream (stderr in production) from the configured level up. */
export function createStreamLogger(write: (text: string) => void, level: LogLevelName, now: () => Date = () => new Date()): AppLogger {
  const at = ORDER.indexOf(level);
  const emit = (lineLevel: LogLevelName) => (line: string) => {
    if (ORDER.indexOf(lineLevel) >= at) write(`${now().toISOString()} ${lineLevel} ${line}\n`);
  };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}

/** Error detail for logs: the message of an Error (the Slack SDK puts the API error code there), never a body. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 300);
  return 'non-Error thrown';
}
