import type { AppLogger, LogLevelName } from '../../bot/index.js';

const ORDER: readonly LogLevelName[] = ['debug', 'info', 'warn', 'error'];

/** Writes `level line` to a stream (stderr in production) from the configured level up. */
export function createStreamLogger(write: (text: string) => void, level: LogLevelName, now: () => Date = () => new Date()): AppLogger {
  const at = ORDER.indexOf(level);
  const emit = (lineLevel: LogLevelName) => (line: string) => {
    if (ORDER.indexOf(lineLevel) >= at) write(`${now().toISOString()} ${lineLevel} ${line}\n`);
  };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}
