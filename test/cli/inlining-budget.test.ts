import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/shared-fixtures.js';

/**
 * A hot function making six calls to three small functions (~70 bytes of bytecode each), run cold against the
 * built module with V8's inlining trace on: how many calls the optimizing compiler inlined, and what the loop computed.
 */
function inlinedCalls(limited: boolean): { inlined: number; result: string } {
  const script = `
    import { limitInlining } from './dist/cli/inlining-budget.js';
    if (${limited}) limitInlining();
    function part(a, b) { let s = 0; for (let i = 0; i < 4; i++) { s += (a * i) ^ (b + i); s %= 1000003; if (s > 5000) s -= 17; else s += 3; } return s; }
    function twin(a, b) { let s = 1; for (let i = 0; i < 4; i++) { s += (a + i) ^ (b * i); s %= 1000033; if (s > 7000) s -= 19; else s += 5; } return s; }
    function third(a, b) { let s = 2; for (let i = 0; i < 4; i++) { s += (a - i) ^ (b * i); s %= 1000037; if (s > 9000) s -= 23; else s += 7; } return s; }
    function hot(n) { return part(n, 1) + twin(n, 2) + third(n, 3) + part(n, 4) + twin(n, 5) + third(n, 6); }
    let total = 0;
    for (let index = 0; index < 3e6; index++) total += hot(index);
    console.log('result ' + total);
  `;
  const run = spawnSync(process.execPath, ['--trace-turbo-inlining', '--input-type=module', '-e', script], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  expect(run.stderr).toBe('');
  const lines = run.stdout.split('\n');
  return {
    inlined: lines.filter((line) => /^Inlining .* into /.test(line)).length,
    result: lines.find((line) => line.startsWith('result ')) ?? '',
  };
}

describe('limitInlining', () => {
  it('makes V8 inline less into a hot function, which computes the same', () => {
    const full = inlinedCalls(false);
    const limited = inlinedCalls(true);
    expect(full.inlined).toBeGreaterThanOrEqual(4);
    expect(limited.inlined).toBeLessThan(full.inlined);
    expect(limited.result).toBe(full.result);
    expect(limited.result).toMatch(/^result \d+$/);
  });
});
