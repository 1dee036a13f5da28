import type { Readable, Writable } from 'node:stream';
// The console's own module, not its index: that would load the whole console (and the bot) for every command.
import { isClosedPipe, writeText } from '../adapters/console/write-text.js';
import type { Environment } from '../config/index.js';

/** Everything a command touches outside itself, so tests run commands in-process with their own streams and env. */
export interface CliIo {
  readonly stdin: Readable & { isTTY?: boolean };
  readonly stdout: Writable & { isTTY?: boolean };
  readonly stderr: Writable;
  readonly env: Environment;
  readonly cwd: string;
}

export function processIo(): CliIo {
  // A reader that went away (`| head`) makes later writes fail with EPIPE; without a listener that is a crash.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error) => {
      if (!isClosedPipe(error)) throw error;
    });
  }
  return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
}

/** Exit statuses of DESIGN section 2. */
export const EXIT_OK = 0;
export const EXIT_BUG = 1;
export const EXIT_USAGE = 2;

/** Write and wait; a closed pipe is not an error (see writeText). */
export const write = writeText;
