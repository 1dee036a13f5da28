import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../bot/index.js';
import type { LogLevelName } from './app-logger.js';

/**
 * Where a Bolt or SDK line starts to carry content: JSON payloads, request and reply bodies, ping data. The
 * SDK's debug lines print whole events and replies (message text, user names); everything from there is cut.
 */
const CONTENT_STARTS = /[{[]|\b(?:body|data|payload|storedResponse|response|text|headers)\b\s*[:=]/i;

const MAX_LINE = 300;

function describeArgument(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  return '(object omitted)';
}

/** One of Bolt's log calls as a line without content: the words before any payload, at most 300 characters. */
export function boltLine(args: readonly unknown[]): string {
  const line = args.map(describeArgument).join(' ');
  const cut = line.search(CONTENT_STARTS);
  const kept = cut === -1 ? line : `${line.slice(0, cut).trimEnd()} [content omitted]`;
  return kept.length > MAX_LINE ? `${kept.slice(0, MAX_LINE)}...` : kept;
}

const LEVELS: Record<LogLevelName, LogLevel> = {
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
};

/** Bolt's (and the Socket Mode client's) logger on top of ours: the same JSON lines, marked `component: bolt`. */
export function createBoltLogger(logger: Logger, level: LogLevelName): BoltLogger {
  let current = LEVELS[level];
  let name = 'bolt';
  const emit =
    (method: 'debug' | 'info' | 'warn' | 'error') =>
    (...args: unknown[]) => {
      logger[method]({ component: name }, boltLine(args));
    };
  return {
    debug: emit('debug'),
    info: emit('info'),
    warn: emit('warn'),
    error: emit('error'),
    setLevel: (next) => {
      current = next;
    },
    getLevel: () => current,
    setName: (next) => {
      name = next;
    },
  };
}
