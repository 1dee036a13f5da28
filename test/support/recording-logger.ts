import { createPinoLogger } from '../../src/adapters/logging/index.js';
import type { Logger } from '../../src/bot/index.js';
import type { LogLevel } from '../../src/config/index.js';

/** One JSON log line as written by the app's pino logger. */
export type LogRecord = Readonly<Record<string, unknown>> & {
  readonly level: string;
  readonly msg: string;
  readonly time: string;
};

export interface RecordingLogger extends Logger {
  /** Every line, parsed: a line that is not JSON makes the logging call throw, and so the test fail. */
  readonly records: LogRecord[];
  /** The same lines as `level msg key=value ...`, for readable assertions. */
  readonly lines: string[];
}

const BASE_KEYS = new Set(['time', 'level', 'msg', 'service', 'pid', 'hostname']);

function render(record: LogRecord): string {
  const fields = Object.entries(record)
    .filter(([key]) => !BASE_KEYS.has(key))
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  return [`${record.level} ${record.msg}`, ...fields].join(' ');
}

/** The real pino logger of the app, writing into memory instead of stderr. */
export function recordingLogger(level: LogLevel = 'debug'): RecordingLogger {
  const records: LogRecord[] = [];
  const lines: string[] = [];
  const destination = {
    write(chunk: string) {
      for (const text of chunk.split('\n')) {
        if (text === '') continue;
        const record = JSON.parse(text) as LogRecord;
        records.push(record);
        lines.push(render(record));
      }
    },
  };
  return { ...createPinoLogger({ level, destination }), records, lines };
}
