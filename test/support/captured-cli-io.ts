import { PassThrough } from 'node:stream';
import type { CliIo } from '../../src/cli/cli-io.js';
import type { Environment } from '../../src/config/index.js';

export interface CapturedIo {
  readonly io: CliIo;
  stdout(): string;
  stderr(): string;
}

/** A CliIo over in-memory streams, so commands run in-process. */
export function capturedIo(env: Environment = {}): CapturedIo {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  const stdin = new PassThrough();
  stdin.end();
  return { io: { stdin, stdout, stderr, env, cwd: process.cwd() }, stdout: () => out, stderr: () => err };
}
