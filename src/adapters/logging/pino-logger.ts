import { pino, type DestinationStream, type Logger as Pino } from 'pino';
import type { LogFields, Logger, LogMethod } from '../../bot/index.js';
import type { LogLevel } from '../../config/index.js';
import { scrubSecrets } from './scrub-secrets.js';

export interface PinoLoggerOptions {
  readonly level: LogLevel;
  /** Where the JSON lines go; stderr by default, so stdout stays the commands' output (`watch --json`). */
  readonly destination?: DestinationStream;
}

/** Field names that would carry content or credentials: censored even if a caller slips. */
const CENSORED = [
  'text',
  'body',
  'message',
  'blocks',
  'token',
  'botToken',
  'appToken',
  'signingSecret',
  'authorization',
  'password',
];

function scrubFields(fields: LogFields): Record<string, unknown> {
  const scrubbed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields))
    scrubbed[key] = typeof value === 'string' ? scrubSecrets(value) : value;
  return scrubbed;
}

function method(logger: Pino, level: 'debug' | 'info' | 'warn' | 'error'): LogMethod {
  return ((first: LogFields | string, message?: string) => {
    if (!logger.isLevelEnabled(level)) return;
    if (typeof first === 'string') logger[level](scrubSecrets(first));
    else logger[level](scrubFields(first), scrubSecrets(message ?? ''));
  }) as LogMethod;
}

/** JSON lines (`time`, `level` as a word, `msg`, fields) from LOG_LEVEL up, with tokens scrubbed from every string. */
export function createPinoLogger(options: PinoLoggerOptions): Logger {
  const logger = pino(
    {
      level: options.level,
      base: { service: 'qlik-sessions', pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: CENSORED, censor: '[redacted]' },
    },
    options.destination ?? pino.destination({ dest: 2, sync: true }),
  );
  return {
    debug: method(logger, 'debug'),
    info: method(logger, 'info'),
    warn: method(logger, 'warn'),
    error: method(logger, 'error'),
  };
}
