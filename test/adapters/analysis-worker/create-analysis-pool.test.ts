import { createReadStream, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAnalysisPool, type AnalysisPool } from '../../../src/adapters/analysis-worker/index.js';
import { workerScriptUrl } from '../../../src/adapters/analysis-worker/worker-script-url.js';
import type { AnalysisPoolMetrics } from '../../../src/adapters/analysis-worker/analysis-pool-metrics.js';
import type { AnalysisResult } from '../../../src/bot/index.js';
import type { LogInput } from '../../../src/core/logs/index.js';
import { analyzeLogs } from '../../../src/core/verdict/index.js';
import { recordingLogger, type RecordingLogger } from '../../support/recording-logger.js';
import { APRIL_2018_LOG_DIR, hasSharedFixture } from '../../support/shared-fixtures.js';

const SCRIPTED_WORKER = new URL('../../fixtures/workers/scripted-worker.mjs', import.meta.url);

function logFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? logFiles(join(dir, entry.name)) : [join(dir, entry.name)]))
    .sort();
}

function inputsOf(files: readonly string[]): LogInput[] {
  return files.map((file) => ({
    name: file,
    chunks: createReadStream(file, { highWaterMark: 16 * 1024 }) as AsyncIterable<Uint8Array>,
  }));
}

const DENIAL =
  "Access was denied for User: 'CORP\\mweber', with AccessID '264ff070-6306-4f1b-85db-21a8468939b5', " +
  "SessionID: 'e3cd957b-a501-4bec-a3f8-d35170a73efa', SessionCount: '5', Hostname: '::1', OperationType: 'UsageDenied'";

/** What a scripted worker reports: the chunks it received, as text. */
const receivedBy = (outcome: AnalysisResult): unknown =>
  outcome.ok ? (outcome.report as unknown as { received: unknown }).received : outcome;

/** A source that yields `count` chunks and records how many were read; it waits on `gate` before the first. */
function countedSource(count: number, gate: Promise<void> = Promise.resolve()) {
  const state = { read: 0, started: false };
  async function* chunks(): AsyncGenerator<Uint8Array> {
    state.started = true;
    await gate;
    for (let index = 0; index < count; index += 1) {
      state.read += 1;
      yield new TextEncoder().encode(`chunk ${index}\n`);
    }
  }
  return { state, chunks: chunks() };
}

function countingMetrics() {
  const counts = { ends: [] as string[], depths: [] as number[], bytes: 0 };
  const metrics: AnalysisPoolMetrics = {
    analysisQueueDepth: (depth) => void counts.depths.push(depth),
    analysisFinished: ({ outcome, bytes }) => {
      counts.ends.push(outcome);
      counts.bytes += bytes;
    },
  };
  return { counts, metrics };
}

/** The pool's log lines about replaced workers, as `reason key=value`. */
const replacements = (logger: RecordingLogger): string[] =>
  logger.records
    .filter((record) => record.msg === 'analysis worker replaced')
    .map((record) => String(record['reason']));

let pools: AnalysisPool[] = [];
const poolOf = (options: Parameters<typeof createAnalysisPool>[0]): AnalysisPool => {
  const pool = createAnalysisPool(options);
  pools.push(pool);
  return pool;
};
afterEach(async () => {
  await Promise.all(pools.map((pool) => pool.close()));
  pools = [];
});

describe('the analysis worker pool, with the real worker', () => {
  it('loads the worker built into dist/ from the sources, and the one beside itself when built', () => {
    expect(workerScriptUrl('file:///app/src/adapters/analysis-worker/worker-script-url.ts').href).toBe(
      'file:///app/dist/adapters/analysis-worker/analysis-worker-thread.js',
    );
    expect(workerScriptUrl('file:///app/dist/adapters/analysis-worker/worker-script-url.js').href).toBe(
      'file:///app/dist/adapters/analysis-worker/analysis-worker-thread.js',
    );
    expect(existsSync(workerScriptUrl())).toBe(true);
  });

  it('gives the same report as analyzeLogs for pasted text, with the options passed on', async () => {
    const pool = poolOf({ workers: 1 });
    const inputs = (): LogInput[] => [{ name: 'slack message', chunks: [`${DENIAL}\n`] }];
    const options = { serviceAccounts: ['DOMAIN\\qvservice'] };
    expect(await pool.analyze(inputs(), options)).toEqual({ ok: true, report: await analyzeLogs(inputs(), options) });
  });

  it('reuses its warm worker for one analysis after another', async () => {
    const pool = poolOf({ workers: 1 });
    for (let round = 0; round < 3; round += 1) {
      const outcome = await pool.analyze([{ name: `paste ${round}`, chunks: [`${DENIAL}\n`] }]);
      expect(outcome.ok && outcome.report.verdict.code).toBe('limit-reached');
    }
    expect(pool.stats()).toMatchObject({ workers: 1, busy: 0, waiting: 0, threadsStarted: 1 });
  });

  describe.skipIf(!hasSharedFixture(APRIL_2018_LOG_DIR))('on the real April 2018 logs', () => {
    it('gives the same report as analyzeLogs in the main thread, and counts the bytes it moved', async () => {
      const files = logFiles(APRIL_2018_LOG_DIR);
      const { counts, metrics } = countingMetrics();
      const inWorker = await poolOf({ workers: 1, metrics }).analyze(inputsOf(files));
      expect(inWorker.ok && inWorker.report.input.recognized).toBeGreaterThan(0);
      expect(inWorker).toEqual({ ok: true, report: await analyzeLogs(inputsOf(files)) });
      expect(counts.ends).toEqual(['ok']);
      expect(counts.bytes).toBeGreaterThan(600_000);
    });
  });

  it('passes on a failure of the input stream, and the same worker analyses the next one', async () => {
    async function* failing(): AsyncGenerator<Uint8Array> {
      yield new TextEncoder().encode(`${DENIAL}\n`);
      throw new Error('download cut off');
    }
    const pool = poolOf({ workers: 1 });
    await expect(pool.analyze([{ name: 'broken.log', chunks: failing() }])).rejects.toThrow('download cut off');
    const next = await pool.analyze([{ name: 'paste', chunks: [`${DENIAL}\n`] }]);
    expect(next.ok && next.report.verdict.user).toBe('CORP\\mweber');
    expect(pool.stats().threadsStarted).toBe(1);
  });

  it('says how to fix a missing build', async () => {
    await expect(
      poolOf({ workers: 1, workerUrl: new URL('file:///nowhere/analysis-worker-thread.js') }).analyze([]),
    ).rejects.toThrow('npm run build');
  });
});

describe('the analysis worker pool, with a scripted worker', () => {
  it('reads a chunk from its source only when the worker asks for one', async () => {
    const source = countedSource(1000);
    const outcome = await poolOf({ workers: 1, workerUrl: SCRIPTED_WORKER }).analyze([
      { name: 'pull-2', chunks: source.chunks },
    ]);
    expect(receivedBy(outcome)).toEqual(['chunk 0\n', 'chunk 1\n']);
    // The worker asked for two and dropped the file: the rest was never read.
    expect(source.state.read).toBe(2);
  });

  it('moves a chunk that owns its memory to the worker, and copies a view into a shared buffer', async () => {
    const owned = new TextEncoder().encode('owned\n');
    const shared = Buffer.from('xxshared\nyy').subarray(2, 9);
    const outcome = await poolOf({ workers: 1, workerUrl: SCRIPTED_WORKER }).analyze([
      { name: 'all', chunks: [owned, shared, 'text\n'] },
    ]);
    expect(receivedBy(outcome)).toEqual(['owned\n', 'shared\n', 'text\n']);
    expect(owned.byteLength).toBe(0);
    expect(shared.toString()).toBe('shared\n');
  });

  it('queues up to its limit, then answers busy at once and counts it; a waiting source is not read', async () => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const { counts, metrics } = countingMetrics();
    const pool = poolOf({ workers: 1, queueLimit: 1, workerUrl: SCRIPTED_WORKER, metrics });
    const first = countedSource(2, gate);
    const second = countedSource(2);
    const running = pool.analyze([{ name: 'first', chunks: first.chunks }]);
    const queued = pool.analyze([{ name: 'second', chunks: second.chunks }]);
    const refused = await pool.analyze([{ name: 'third', chunks: countedSource(2).chunks }]);
    expect(refused).toEqual({ ok: false, error: { code: 'busy' } });
    // The refusal came while the other two were being listed; by the next turn one runs and one waits.
    await new Promise((resolve) => setImmediate(resolve));
    expect(pool.stats()).toMatchObject({ busy: 1, waiting: 1, refused: 1 });
    expect(second.state.started).toBe(false);
    open();
    expect(receivedBy(await running)).toEqual(['chunk 0\n', 'chunk 1\n']);
    expect(receivedBy(await queued)).toEqual(['chunk 0\n', 'chunk 1\n']);
    expect(counts.ends).toEqual(['busy', 'ok', 'ok']);
    expect(counts.depths).toContain(1);
    expect(counts.depths.at(-1)).toBe(0);
  });

  it('answers busy without listing the inputs, so a .zip shared into a full queue is never downloaded', async () => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const pool = poolOf({ workers: 1, queueLimit: 0, workerUrl: SCRIPTED_WORKER });
    const running = pool.analyze([{ name: 'first', chunks: countedSource(1, gate).chunks }]);
    const listed = { started: false };
    async function* archive(): AsyncGenerator<LogInput> {
      // Listing a shared .zip reads it whole (guardFile): that must not start for an analysis that is refused.
      listed.started = true;
      yield { name: 'inside.zip/log.txt', chunks: ['x'] };
    }
    expect(await pool.analyze(archive())).toEqual({ ok: false, error: { code: 'busy' } });
    expect(listed.started).toBe(false);
    open();
    expect(receivedBy(await running)).toEqual(['chunk 0\n']);
  });

  it('holds a place in the queue while an analysis lists its inputs: a burst cannot overfill it', async () => {
    let finishListing!: () => void;
    const listingGate = new Promise<void>((resolve) => (finishListing = resolve));
    const pool = poolOf({ workers: 1, queueLimit: 1, workerUrl: SCRIPTED_WORKER });
    async function* slowArchive(): AsyncGenerator<LogInput> {
      await listingGate;
      yield { name: 'slow.zip/log.txt', chunks: ['slow\n'] };
    }
    const listed = [pool.analyze(slowArchive()), pool.analyze(slowArchive())];
    expect(await pool.analyze([{ name: 'third', chunks: ['x'] }])).toEqual({ ok: false, error: { code: 'busy' } });
    finishListing();
    expect((await Promise.all(listed)).map(receivedBy)).toEqual([['slow\n'], ['slow\n']]);
  });

  it('replaces a worker that crashes mid-analysis; that analysis fails, the next one is answered', async () => {
    const { counts, metrics } = countingMetrics();
    const logger = recordingLogger();
    const pool = poolOf({ workers: 1, workerUrl: SCRIPTED_WORKER, metrics, logger });
    expect(await pool.analyze([{ name: 'crash', chunks: ['x'] }])).toEqual({
      ok: false,
      error: { code: 'failed', reason: 'crashed' },
    });
    expect(receivedBy(await pool.analyze([{ name: 'after', chunks: ['fine\n'] }]))).toEqual(['fine\n']);
    expect(replacements(logger)).toEqual(['crashed']);
    expect(counts.ends).toEqual(['failed', 'ok']);
    expect(logger.lines.join('\n')).toContain('analysis worker replaced exitCode=3 reason=crashed analysing=true');
    expect(pool.stats().threadsStarted).toBe(2);
  });

  it('replaces a worker that hangs; that analysis fails, the queued one is answered by the new worker', async () => {
    const logger = recordingLogger();
    const pool = poolOf({ workers: 1, workerUrl: SCRIPTED_WORKER, logger, stallMs: 300 });
    const hung = pool.analyze([{ name: 'hang', chunks: ['x'] }]);
    const queued = pool.analyze([{ name: 'next', chunks: ['fine\n'] }]);
    expect(await hung).toEqual({ ok: false, error: { code: 'failed', reason: 'hung' } });
    expect(receivedBy(await queued)).toEqual(['fine\n']);
    expect(replacements(logger)).toEqual(['hung']);
  });

  it('does not count a slow source as a hung worker', async () => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const pool = poolOf({ workers: 1, workerUrl: SCRIPTED_WORKER, stallMs: 100 });
    const source = countedSource(1, gate);
    const analysis = pool.analyze([{ name: 'slow download', chunks: source.chunks }]);
    // Several stall periods pass while the worker waits on the download, not the other way round.
    await new Promise((resolve) => setTimeout(resolve, 400));
    open();
    expect(receivedBy(await analysis)).toEqual(['chunk 0\n']);
  });

  it('answers the analyses still waiting when it is closed', async () => {
    const pool = createAnalysisPool({ workers: 1, workerUrl: SCRIPTED_WORKER });
    const gate = new Promise<void>(() => undefined);
    const running = pool.analyze([{ name: 'never', chunks: countedSource(1, gate).chunks }]);
    const waiting = pool.analyze([{ name: 'waiting', chunks: ['x'] }]);
    await pool.close();
    expect(await waiting).toEqual({ ok: false, error: { code: 'failed', reason: 'stopped' } });
    expect(await running).toEqual({ ok: false, error: { code: 'failed', reason: 'stopped' } });
    expect(await pool.analyze([{ name: 'late', chunks: ['x'] }])).toEqual({
      ok: false,
      error: { code: 'failed', reason: 'stopped' },
    });
  });
});
