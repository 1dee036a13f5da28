import { createReadStream, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { LogInput } from '../../src/core/logs/index.js';
import { REPO_ROOT } from './shared-fixtures.js';

/** Scenario files written for these tests, in the real Qlik Sense layouts. */
export const SCENARIO_DIR = resolve(REPO_ROOT, 'test', 'fixtures', 'logs');

function files(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => files(join(path, name)));
}

/** Streams of every file under the given paths (files or folders), as the CLI would read them. */
export function fileInputs(...paths: string[]): LogInput[] {
  return paths
    .flatMap(files)
    .map((path) => ({ name: relative(REPO_ROOT, path), chunks: createReadStream(path, { highWaterMark: 4096 }) }));
}

export function scenario(name: string): string {
  return join(SCENARIO_DIR, name);
}

/** A pasted message: one string chunk. */
export function textInput(text: string, name = 'message'): LogInput {
  return { name, chunks: [text] };
}
