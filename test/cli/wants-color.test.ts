import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { wantsColor } from '../../src/cli/wants-color.js';

describe('wantsColor', () => {
  it.for([
    { tty: true, noColor: undefined, expected: true },
    { tty: true, noColor: '', expected: true },
    { tty: true, noColor: '1', expected: false },
    { tty: false, noColor: undefined, expected: false },
  ])('terminal $tty, NO_COLOR $noColor -> $expected', ({ tty, noColor, expected }) => {
    const stdout = Object.assign(new PassThrough(), { isTTY: tty });
    expect(wantsColor({ stdout, env: { NO_COLOR: noColor } })).toBe(expected);
  });
});
