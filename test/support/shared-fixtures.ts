import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, wherever the tests are run from. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** `../shared` beside the repository: real Qlik logs, Slack payloads and the eval set, read in place and never copied. */
export const SHARED_DIR = resolve(REPO_ROOT, '..', 'shared');

/** The real April 2018 Log Collector output. */
export const APRIL_2018_LOG_DIR = join(SHARED_DIR, 'fixtures', 'qlik-logs', 'qlik-supporttools-april2018', 'Log');

export function sharedPath(...parts: string[]): string {
  return join(SHARED_DIR, ...parts);
}

/**
 * Whether a shared fixture is there. In CI a missing fixture fails the test file; elsewhere the tests that
 * need it skip, with a notice so nobody mistakes a skip for a pass.
 */
export function hasSharedFixture(path: string): boolean {
  if (existsSync(path)) return true;
  if (process.env['CI'] === 'true') {
    throw new Error(`Missing fixture ${path}: CI runs with ../shared beside the repository.`);
  }
  console.warn(`[skip] ${path} is not there; put ../shared beside the repository to run these tests.`);
  return false;
}
