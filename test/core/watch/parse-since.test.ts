import { describe, expect, it } from 'vitest';
import { formatSince, parseSince } from '../../../src/core/watch/index.js';

describe('parseSince', () => {
  it.for([
    ['2h', 7_200_000],
    ['90m', 5_400_000],
    ['1h30m', 5_400_000],
    ['1d', 86_400_000],
    ['45s', 45_000],
    ['3', 10_800_000],
  ] as const)('reads %s', ([text, ms]) => {
    expect(parseSince(text)).toEqual({ ok: true, ms });
  });

  it.for(['', 'yesterday', '2x', '-1h', '0h', '8d'])('refuses %j with how to write it', (text) => {
    const result = parseSince(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/2h|7d/);
  });

  it('writes spans back the way they are typed', () => {
    expect(formatSince(7_200_000)).toBe('2h');
    expect(formatSince(5_400_000)).toBe('1h 30m');
  });
});
