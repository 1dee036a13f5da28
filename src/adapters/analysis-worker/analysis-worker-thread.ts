import { parentPort } from 'node:worker_threads';
import type { LogInput } from '../../core/logs/index.js';
import { analyzeLogs } from '../../core/verdict/index.js';
import { PulledChunks } from './pulled-chunks.js';
import type { FromWorker, ToWorker } from './worker-protocol.js';

/** The files of the job being analysed; a warm worker runs one job after another. */
let files: PulledChunks[] = [];
let current = -1;

function run(port: NonNullable<typeof parentPort>, message: Extract<ToWorker, { type: 'job' }>): void {
  const job = message.job;
  const send = (reply: FromWorker) => port.postMessage(reply);
  current = job;
  files = message.names.map(
    (_, file) =>
      new PulledChunks(
        () => send({ type: 'pull', job, file }),
        () => send({ type: 'drop', job, file }),
      ),
  );
  const inputs: LogInput[] = message.names.map((name, file) => ({ name, chunks: files[file] as PulledChunks }));
  analyzeLogs(inputs, { serviceAccounts: message.serviceAccounts })
    .then((report) => send({ type: 'report', job, report }))
    .catch((error: unknown) =>
      send({ type: 'error', job, message: error instanceof Error ? error.message : String(error) }),
    );
}

function receive(port: NonNullable<typeof parentPort>, message: ToWorker): void {
  if (message.type === 'job') return run(port, message);
  // A late message of a job that already ended (its source failed after the analysis stopped) changes nothing.
  if (message.job !== current) return;
  const file = files[message.file];
  if (file === undefined) return;
  switch (message.type) {
    case 'chunk':
      return file.deliver(typeof message.data === 'string' ? message.data : new Uint8Array(message.data));
    case 'file-end':
      return file.end();
    case 'file-error':
      return file.fail(message.message);
  }
}

if (parentPort !== null) {
  const port = parentPort;
  port.on('message', (message: ToWorker) => receive(port, message));
  port.postMessage({ type: 'ready' } satisfies FromWorker);
}
