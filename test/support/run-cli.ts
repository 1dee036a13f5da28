import { PassThrough } from 'node:stream';
import type { Environment } from '../../src/config/index.js';
import { main } from '../../src/cli/main.js';
import { REPO_ROOT } from './shared-fixtures.js';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function collect(stream: PassThrough): () => string {
  const parts: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => parts.push(chunk));
  return () => Buffer.concat(parts).toString('utf8');
}

/** Runs `qlik-sessions ARGS` in-process with piped stdin (not a terminal) and an empty environment by default. */
export async function runCli(args: readonly string[], stdin: string, env: Environment = {}): Promise<CliRun> {
  const input = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out = collect(stdout);
  const err = collect(stderr);
  input.end(stdin);
  const code = await main(args, { stdin: input, stdout, stderr, env, cwd: REPO_ROOT });
  return { code, stdout: out(), stderr: err() };
}
