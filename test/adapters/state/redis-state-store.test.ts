import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createRedisStateStore } from '../../../src/adapters/state/index.js';
import { redactRedisUrl } from '../../../src/adapters/state/redis-state-store.js';
import { hasRedisServer, startRedisServer, type RunningRedis } from '../../support/redis-server.js';
import { describeStateStoreContract } from '../../support/state-store-contract.js';
import { freePortNobodyListensOn } from '../../support/free-port.js';

const withRedis = hasRedisServer();

describe.runIf(withRedis)('createRedisStateStore against a real redis-server', () => {
  let redis: RunningRedis;
  let raw: Redis;
  beforeAll(async () => {
    redis = await startRedisServer();
    raw = new Redis(redis.url);
  });
  afterAll(async () => {
    await raw?.quit();
    await redis?.stop();
  });

  // Each store gets its own prefix: the contract's keys never meet across tests.
  describeStateStoreContract('Redis store', async () =>
    createRedisStateStore(redis.url, { keyPrefix: `test-${randomUUID()}:` }),
  );

  it('claims with SET NX PX: the key carries the TTL and the prefix', async () => {
    const store = createRedisStateStore(redis.url, { keyPrefix: 'ttl-check:' });
    expect(await store.claim('dedup:Ev1', 60_000)).toBe(true);
    const ttl = await raw.pttl('ttl-check:dedup:Ev1');
    expect(ttl).toBeGreaterThan(50_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
    expect(await raw.pttl('ttl-check:feedback')).toBe(-2);
    await store.incrementField('feedback', 'a:helpful');
    expect(await raw.hgetall('ttl-check:feedback')).toEqual({ 'a:helpful': '1' });
    await store.pushRecent('watch:recent-alerts', 'x', 50);
    expect(await raw.lrange('ttl-check:watch:recent-alerts', 0, -1)).toEqual(['x']);
    await store.close();
  });

  it('forgets a claim when its TTL has passed', async () => {
    const store = createRedisStateStore(redis.url, { keyPrefix: `expiry-${randomUUID()}:` });
    expect(await store.claim('short', 1)).toBe(true);
    await vi.waitFor(async () => expect(await store.claim('short', 60_000)).toBe(true), {
      timeout: 5000,
      interval: 20,
    });
    await store.close();
  });

  it('lets one of two stores win a claim (two replicas, one Redis)', async () => {
    const prefix = `race-${randomUUID()}:`;
    const first = createRedisStateStore(redis.url, { keyPrefix: prefix });
    const second = createRedisStateStore(redis.url, { keyPrefix: prefix });
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, n) => [
        first.claim(`event:${n}`, 60_000),
        second.claim(`event:${n}`, 60_000),
      ]).flat(),
    );
    expect(results.filter(Boolean)).toHaveLength(50);
    await first.close();
    await second.close();
  });

  it('keeps a Redis reply error (a key used as two kinds) as it is, not as "unreachable"', async () => {
    const store = createRedisStateStore(redis.url, { keyPrefix: `kinds-${randomUUID()}:` });
    await store.set('feedback', 'x');
    await expect(store.incrementField('feedback', 'a:helpful')).rejects.toThrow(/WRONGTYPE/);
    await store.close();
  });
});

describe('createRedisStateStore when Redis is not there', () => {
  it('fails each command quickly with a message that names the server and what to check', async () => {
    const port = await freePortNobodyListensOn();
    const problems: string[] = [];
    const store = createRedisStateStore(`redis://:s3cret@127.0.0.1:${port}`, {
      onConnectionProblem: (line) => problems.push(line),
    });
    const failure = await store.claim('dedup:Ev1', 60_000).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).name).toBe('StateStoreUnavailable');
    expect((failure as Error).message).toMatch(
      new RegExp(`Redis at redis://:\\*\\*\\*@127\\.0\\.0\\.1:${port} is unreachable`),
    );
    expect((failure as Error).message).toMatch(/ECONNREFUSED/);
    expect((failure as Error).message).toMatch(/check REDIS_URL and that Redis is running/);
    await expect(store.get('anything')).rejects.toThrow(/is unreachable/);
    expect(problems.join('\n')).not.toContain('s3cret');
    await store.close();
  });

  it('never shows a password from REDIS_URL', () => {
    expect(redactRedisUrl('redis://user:hunter2@cache:6379/0')).toBe('redis://user:***@cache:6379/0');
    expect(redactRedisUrl('not a url')).toBe('(unparsable REDIS_URL)');
  });
});
