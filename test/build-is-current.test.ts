import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { workerScriptUrl } from '../src/adapters/analysis-worker/worker-script-url.js';
import { isStale } from './support/build-dist-once.js';

describe('the build the tests run against', () => {
  it('is newer than every source, so the worker thread and the installed command run the code under test', () => {
    expect(isStale()).toBe(false);
    expect(existsSync(workerScriptUrl())).toBe(true);
  });
});
