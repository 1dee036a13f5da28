import { parentPort, workerData } from 'node:worker_threads';
import type { LogInput } from '../../core/logs/index.js';
import { analyzeLogs, type AnalyzeOptions } from '../../core/verdict/index.js';
import type { FromWorker, ToWorker } from './analyze-worker-protocol.js';

/** Messages from the main thread, read in order by the analysis as they arrive. */
class Inbox {
  private readonly queue: ToWorker[] = [];
  private waiting: ((message: ToWorker) => void) | null = null;

  push(message: ToWorker): void {
    if (this.waiting !== null) {
      const resolve = this.waiting;
      this.waiting = null;
      resolve(message);
    } else this.queue.push(message);
  }

  next(): Promise<ToWorker> {
    const queued = this.queue.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    return new Promise((resolve) => (this.waiting = resolve));
  }
}

const inbox = new Inbox();
let fileOpen = false;

async function* chunksOfCurrentFile(): AsyncGenerator<Uint8Array | string> {
  while (fileOpen) {
    const message = await inbox.next();
    if (message.type === 'chunk') yield typeof message.data === 'string' ? message.data : new Uint8Array(message.data);
    else fileOpen = false;
  }
}

async function* inputs(): AsyncGenerator<LogInput> {
  for (;;) {
    // The analysis may stop reading a file early; skip what is left of it.
    while (fileOpen) {
      const message = await inbox.next();
      if (message.type !== 'chunk') fileOpen = false;
    }
    const message = await inbox.next();
    if (message.type === 'end') return;
    if (message.type !== 'file') continue;
    fileOpen = true;
    yield { name: message.name, chunks: chunksOfCurrentFile() };
  }
}

if (parentPort !== null) {
  const port = parentPort;
  port.on('message', (message: ToWorker) => inbox.push(message));
  analyzeLogs(inputs(), workerData as AnalyzeOptions)
    .then((report) => port.postMessage({ type: 'report', report } satisfies FromWorker))
    .catch((error: unknown) => port.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) } satisfies FromWorker))
    .finally(() => port.close());
}
