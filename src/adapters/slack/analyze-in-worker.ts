import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { LogInput } from '../../core/logs/index.js';
import type { AnalysisReport, AnalyzeOptions } from '../../core/verdict/index.js';
import type { FromWorker, ToWorker } from './analyze-worker-protocol.js';

export type AnalyzeFn = (inputs: Iterable<LogInput> | AsyncIterable<LogInput>, options?: AnalyzeOptions) => Promise<AnalysisReport>;

/**
 * The compiled worker script. Under vitest this module is TypeScript source, which a Worker cannot load, so the
 * build in dist/ (made by `npm ci` / `npm run build`) is used from there too.
 */
export function defaultWorkerUrl(moduleUrl: string = import.meta.url): URL {
  return moduleUrl.endsWith('.ts') ? new URL('../../../dist/adapters/slack/analyze-worker.js', moduleUrl) : new URL('./analyze-worker.js', moduleUrl);
}

function toTransferable(chunk: Uint8Array | string): { data: ArrayBuffer | string; transfer: ArrayBuffer[] } {
  if (typeof chunk === 'string') return { data: chunk, transfer: [] };
  // Copy into a buffer of exactly this chunk's bytes: pooled Node Buffers share (and must keep) their ArrayBuffer.
  const copy = new Uint8Array(chunk.byteLength);
  copy.set(chunk);
  return { data: copy.buffer, transfer: [copy.buffer] };
}

/**
 * `analyzeLogs` with the same signature, run in a worker thread: the main thread only moves bytes, so it keeps
 * acknowledging Slack within three seconds while a large file is analysed.
 */
export function createWorkerAnalyzer(workerUrl: URL = defaultWorkerUrl()): AnalyzeFn {
  return async (inputs, options = {}) => {
    if (!existsSync(fileURLToPath(workerUrl))) throw new Error(`The analysis worker ${fileURLToPath(workerUrl)} is missing: run npm run build.`);
    const worker = new Worker(workerUrl, { workerData: { serviceAccounts: [...(options.serviceAccounts ?? [])] } });
    const result = new Promise<AnalysisReport>((resolve, reject) => {
      worker.once('message', (message: FromWorker) => {
        if (message.type === 'report') resolve(message.report);
        else reject(new Error(`log analysis failed: ${message.message}`));
      });
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the analysis worker stopped (exit ${code}) before reporting`)));
    });
    const send = (message: ToWorker, transfer: ArrayBuffer[] = []) => worker.postMessage(message, transfer);
    try {
      for await (const input of inputs) {
        send({ type: 'file', name: input.name });
        for await (const chunk of input.chunks) {
          const { data, transfer } = toTransferable(chunk);
          send({ type: 'chunk', data }, transfer);
        }
        send({ type: 'end-file' });
      }
      send({ type: 'end' });
      return await result;
    } catch (error) {
      // A failed download or read ends the analysis; the caller reports the reason.
      await worker.terminate();
      result.catch(() => undefined);
      throw error;
    } finally {
      void worker.terminate();
    }
  };
}
