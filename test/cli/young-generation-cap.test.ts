import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/shared-fixtures.js';

/**
 * A process that keeps many of its new objects alive for a while (as an analysis keeps its open sessions), run
 * cold against the built module: the largest the new space grew to, in MB.
 */
function newSpaceGrewTo(capped: boolean): number {
  const script = `
    import { getHeapSpaceStatistics } from 'node:v8';
    import { capYoungGeneration } from './dist/cli/young-generation-cap.js';
    if (${capped}) capYoungGeneration();
    const newSpace = () => getHeapSpaceStatistics().find((space) => space.space_name === 'new_space').space_size;
    let most = 0;
    const kept = [];
    for (let round = 0; round < 150; round++) {
      for (let index = 0; index < 20000; index++) {
        kept.push({ round, index, text: 'x'.repeat(index % 50) + round });
        if (kept.length > 100000) kept.splice(0, 50000);
      }
      await new Promise((resolve) => setImmediate(resolve));
      most = Math.max(most, newSpace());
    }
    process.stdout.write(String(most / 1048576));
  `;
  // V8's own ceiling set as on a 64-bit machine with memory to spare, so the uncapped run grows past the cap anywhere.
  const run = spawnSync(process.execPath, ['--max-semi-space-size=16', '--input-type=module', '-e', script], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  expect(run.stderr).toBe('');
  return Number(run.stdout);
}

describe('capYoungGeneration', () => {
  it('holds the new space at 16 MB where V8 would grow it to 32 MB', () => {
    expect(newSpaceGrewTo(false)).toBe(32);
    expect(newSpaceGrewTo(true)).toBe(16);
  });
});
