import { createReadStream, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWorkerAnalyzer, defaultWorkerUrl } from '../../../src/adapters/slack/analyze-in-worker.js';
import type { LogInput } from '../../../src/core/logs/index.js';
import { analyzeLogs } from '../../../src/core/verdict/index.js';
import { APRIL_2018_LOG_DIR, hasSharedFixture } from '../../support/shared-fixtures.js';

function logFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? logFiles(join(dir, entry.name)) : [join(dir, entry.name)]))
    .sort();
}

function inputsOf(files: readonly string[]): LogInput[] {
  return files.map((file) => ({ name: file, chunks: createReadStream(file, { highWaterMark: 16 * 1024 }) as AsyncIterable<Uint8Array> }));
}

const DENIAL =
  "Access was denied for User: 'CORP\\mweber', with AccessID '264ff070-6306-4f1b-85db-21a8468939b5', SessionID: 'e3cd957b-a501-4bec-a3f8-d35170a73efa', SessionCount: '5', Hostname: '::1', OperationType: 'UsageDenied'";

describe('analysis in a worker thread', () => {
  it('resolves the compiled worker from dist/ under vitest and beside itself when built', () => {
    expect(defaultWorkerUrl('file:///app/src/adapters/slack/analyze-in-worker.ts').href).toBe('file:///app/dist/adapters/slack/analyze-worker.js');
    expect(defaultWorkerUrl('file:///app/dist/adapters/slack/analyze-in-worker.js').href).toBe('file:///app/dist/adapters/slack/analyze-worker.js');
    expect(existsSync(defaultWorkerUrl())).toBe(true);
  });

  it('gives the same report as analyzeLogs for pasted text, with the options passed on', async () => {
    const analyze = createWorkerAnalyzer();
    const inputs = (): LogInput[] => [{ name: 'slack message', chunks: [`${DENIAL}\n`] }];
    const options = { serviceAccounts: ['DOMAIN\\qvservice'] };
    expect(await analyze(inputs(), options)).toEqual(await analyzeLogs(inputs(), options));
  });

  describe.skipIf(!hasSharedFixture(APRIL_2018_LOG_DIR))('on the real April 2018 logs', () => {
    it('gives the same report as analyzeLogs in the main thread', async () => {
      const files = logFiles(APRIL_2018_LOG_DIR);
      const inWorker = await createWorkerAnalyzer()(inputsOf(files));
      expect(inWorker.input.recognized).toBeGreaterThan(0);
      expect(inWorker).toEqual(await analyzeLogs(inputsOf(files)));
    });
  });

  it('passes on a failure of the input stream and stops the worker', async () => {
    async function* failing(): AsyncGenerator<Uint8Array> {
      yield new TextEncoder().encode(`${DENIAL}\n`);
      throw new Error('download cut off');
    }
    await expect(createWorkerAnalyzer()([{ name: 'broken.log', chunks: failing() }])).rejects.toThrow('download cut off');
  });

  it('says how to fix a missing build', async () => {
    await expect(createWorkerAnalyzer(new URL('file:///nowhere/analyze-worker.js'))([])).rejects.toThrow('npm run build');
  });
});
