import { Redis } from 'ioredis';
import type { StateStore } from '../../bot/index.js';
import { checkCount, checkIncrement, checkTtl } from './check-store-arguments.js';
import { StateStoreUnavailable } from './state-store-unavailable.js';

export interface RedisStateStoreOptions {
  /** Prepended to every key, so several installs (or tests) can share one Redis. */
  readonly keyPrefix?: string;
  /** A command not answered within this time fails; a Slack reply must not wait on a hung Redis. */
  readonly commandTimeoutMs?: number;
  readonly connectTimeoutMs?: number;
  /** Connection trouble, once per change of state (not per retry), for the log. */
  readonly onConnectionProblem?: (message: string) => void;
}

export const DEFAULT_KEY_PREFIX = 'qlik-sessions:';

/** The URL as it may be shown: a password in it never reaches a log line or an error message. */
export function redactRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable REDIS_URL)';
  }
}

/**
 * The store shared by replicas. Commands fail fast (no offline queue, one retry) with StateStoreUnavailable,
 * which names the server and what to check, instead of queueing replies behind a Redis that is down.
 */
export function createRedisStateStore(url: string, options: RedisStateStoreOptions = {}): StateStore {
  const shownUrl = redactRedisUrl(url);
  const client = new Redis(url, {
    keyPrefix: options.keyPrefix ?? DEFAULT_KEY_PREFIX,
    commandTimeout: options.commandTimeoutMs ?? 2000,
    connectTimeout: options.connectTimeoutMs ?? 2000,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    lazyConnect: true,
    // Keeps reconnecting in the background (capped at 2 s) so the store recovers when Redis is back.
    retryStrategy: (times) => Math.min(times * 200, 2000),
  });
  let lastProblem: string | undefined;
  client.on('error', (error: Error) => {
    const problem = describeRedisError(error);
    if (problem !== lastProblem) options.onConnectionProblem?.(`Redis at ${shownUrl}: ${problem}`);
    lastProblem = problem;
  });
  client.on('ready', () => {
    if (lastProblem !== undefined) options.onConnectionProblem?.(`Redis at ${shownUrl}: connected again`);
    lastProblem = undefined;
  });
  let connecting: Promise<void> | undefined;
  let closed = false;

  async function run<T>(command: () => Promise<T>): Promise<T> {
    if (closed) throw new Error('state store: used after close()');
    try {
      if (client.status === 'wait') {
        connecting ??= client.connect().finally(() => (connecting = undefined));
        await connecting;
      } else if (connecting !== undefined) {
        await connecting;
      }
      return await command();
    } catch (error) {
      if (isConnectionError(error)) {
        // "Connection is closed." says little; the socket error seen last says why.
        const why = lastProblem ?? describeRedisError(error);
        throw new StateStoreUnavailable(
          `Redis at ${shownUrl} is unreachable (${why}): check REDIS_URL and that Redis is running.`,
          { cause: error },
        );
      }
      throw error;
    }
  }

  return {
    claim: (key, ttlMs) => run(async () => (await client.set(key, '1', 'PX', checkTtl(ttlMs), 'NX')) === 'OK'),
    get: (key) => run(async () => (await client.get(key)) ?? undefined),
    set: (key, value, ttlMs) =>
      run(async () => {
        if (ttlMs === undefined) await client.set(key, value);
        else await client.set(key, value, 'PX', checkTtl(ttlMs));
      }),
    delete: (key) =>
      run(async () => {
        await client.del(key);
      }),
    incrementField: (hash, field, by = 1) => run(() => client.hincrby(hash, field, checkIncrement(by))),
    readFields: (hash) =>
      run(async () => {
        const fields = await client.hgetall(hash);
        return Object.fromEntries(Object.entries(fields).map(([field, value]) => [field, Number(value)]));
      }),
    pushRecent: (list, value, keep) =>
      run(async () => {
        const kept = checkCount('keep', keep);
        // One MULTI so a reader never sees the list longer than `keep`.
        await client
          .multi()
          .lpush(list, value)
          .ltrim(list, 0, kept - 1)
          .exec();
      }),
    readRecent: (list, count) => run(() => client.lrange(list, 0, checkCount('count', count) - 1)),
    async close() {
      if (closed) return;
      closed = true;
      if (client.status === 'ready') await client.quit().catch(() => client.disconnect());
      else client.disconnect();
    },
  };
}

function describeRedisError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && !error.message.includes(code) ? `${code}: ${error.message}` : error.message;
}

// Anything but a reply from Redis itself (WRONGTYPE, ...): those are bugs and keep their own message.
function isConnectionError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'ReplyError') return false;
  if (error.name === 'RangeError' || error.name === 'TypeError') return false;
  return true;
}
