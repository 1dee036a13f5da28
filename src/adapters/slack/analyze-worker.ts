import { parentPort, workerData } from 'node:worker_threads';
import type { LogInput } from '../../core/logs/index.js';
import { analyzeLogs, type AnalyzeOptions } from '../../core/verdict/index.js';
import type { FromWorker, ToWorker } from './analyze-worker-protocol.js';

/** Values that arrive one by one, read in order as an async iterable; `end()` finishes it. */
class Arrivals<T> implements AsyncIterable<T> {
  private readonly queue: T[] = [];
  private ended = false;
  private wake: (() => void) | null = null;

  push(value: T): void {
    this.queue.push(value);
    this.notify();
  }

  end(): void {
    this.ended = true;
    this.notify();
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    let read = 0;
    for (;;) {
      if (read < this.queue.length) {
        const value = this.queue[read] as T;
        // Drop what was read, so a long file does not stay in memory once analysed.
        this.queue[read++] = undefined as T;
        if (read > 1024 && read * 2 > this.queue.length) {
          this.queue.splice(0, read);
          read = 0;
        }
        yield value;
      } else if (this.ended) return;
      else await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }
}

// The analysis reads every file at once and merges them on the instant: each file gets its own queue of chunks.
const files = new Arrivals<LogInput>();
let current: Arrivals<Uint8Array | string> | null = null;

function receive(message: ToWorker): void {
  switch (message.type) {
    case 'file': {
      current?.end();
      const chunks = new Arrivals<Uint8Array | string>();
      current = chunks;
      files.push({ name: message.name, chunks });
      return;
    }
    case 'chunk':
      current?.push(typeof message.data === 'string' ? message.data : new Uint8Array(message.data));
      return;
    case 'end-file':
      current?.end();
      current = null;
      return;
    case 'end':
      current?.end();
      files.end();
      return;
  }
}

if (parentPort !== null) {
  const port = parentPort;
  port.on('message', receive);
  analyzeLogs(files, workerData as AnalyzeOptions)
    .then((report) => port.postMessage({ type: 'report', report } satisfies FromWorker))
    .catch((error: unknown) => port.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) } satisfies FromWorker))
    .finally(() => port.close());
}
