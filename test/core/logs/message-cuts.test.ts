import { describe, expect, it } from 'vitest';
import {
  cut,
  cutGotSession,
  cutLogin,
  cutStart,
  cutStop,
  cutTimeout,
  isRegexSpace,
} from '../../../src/core/logs/message-cuts.js';
import { seededRandom as random } from '../../support/seeded-random.js';

/** The patterns the cuts stand for, as the parser had them: the cuts must give exactly what these give. */
const PATTERNS = [
  { name: 'start', cutter: cutStart, pattern: /Start session for user: '([^']+)'/ },
  { name: 'stop', cutter: cutStop, pattern: /Stop session for user '([^']+)' \. Session id = '([^']+)'/ },
  { name: 'timeout', cutter: cutTimeout, pattern: /Session (\S+) has been deleted due to inactivity/ },
  {
    name: 'login',
    cutter: cutLogin,
    pattern: /User authenticated\. User '([^']+)' used authentication method '[^']*' and got session '([^']+)'/,
  },
  {
    name: 'got session',
    cutter: cutGotSession,
    pattern: /User '([^']+)' used '[^']*' authentication, got session: '([^']+)'/,
  },
] as const;

/** Real messages of each kind (reference section 1.12 and the shared fixtures' layouts). */
const SEEDS = [
  "Start session for user: 'CORP\\jdoe'",
  "Stop session for user 'CORP\\jdoe' . Session id = '3f2a8c1e-0b9d-4f6a-8e21-7c5d9b0a1e42'",
  'Session 3f2a8c1e-0b9d-4f6a-8e21-7c5d9b0a1e42 has been deleted due to inactivity',
  "User authenticated. User 'CORP\\jdoe' used authentication method 'ticket' and got session '3f2a8c1e-0b9d-4f6a'",
  "User 'jdoe' used 'ticket' authentication, got session: '3f2a8c1e-0b9d-4f6a-8e21-7c5d9b0a1e42'",
];

/** Pieces that break or confuse the patterns: quotes, spaces of every kind, empty parts, repeated leads. */
const PIECES = [
  "'",
  "''",
  ' ',
  '\t',
  '\u00a0',
  '\u2003',
  '\ufeff',
  'x',
  'Session ',
  "User '",
  "Start session for user: '",
  "' . Session id = '",
  "' used '",
  ' has been deleted due to inactivity',
  "User authenticated. User '",
  "' and got session '",
  "' authentication, got session: '",
  '',
];

/** A seed message (mostly `own`) with a few pieces put in, taken out or swapped at random places. */
function mutated(next: () => number, own: string): string {
  let text = next() < 0.8 ? own : (SEEDS[Math.floor(next() * SEEDS.length)] as string);
  const edits = 1 + Math.floor(next() * 3);
  for (let edit = 0; edit < edits; edit++) {
    const at = Math.floor(next() * (text.length + 1));
    const piece = PIECES[Math.floor(next() * PIECES.length)] as string;
    const kind = next();
    if (kind < 0.5) text = text.slice(0, at) + piece + text.slice(at);
    else if (kind < 0.8) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 4));
    else text = piece + text.slice(at) + text.slice(0, at);
  }
  return text;
}

function viaPattern(pattern: RegExp, message: string): string[] | null {
  const match = pattern.exec(message);
  return match === null ? null : match.slice(1).map((part) => part ?? '');
}

function viaCut(cutter: (message: string) => boolean, captures: number, message: string): string[] | null {
  if (!cutter(message)) return null;
  return captures === 1 ? [cut.first] : [cut.first, cut.second];
}

describe('message cuts', () => {
  it.each(PATTERNS)('$name gives what its pattern gives on the real message of each kind', ({ cutter, pattern }) => {
    const captures = new RegExp(`${pattern.source}|`).exec('')?.length ?? 1;
    for (const seed of SEEDS) expect(viaCut(cutter, captures - 1, seed)).toEqual(viaPattern(pattern, seed));
  });

  it.each(PATTERNS.map((entry, index) => ({ ...entry, own: SEEDS[index] as string })))(
    '$name gives what its pattern gives on 20,000 broken and rearranged messages',
    ({ cutter, pattern, own }) => {
      const captures = (new RegExp(`${pattern.source}|`).exec('')?.length ?? 1) - 1;
      const next = random(pattern.source.length);
      let matched = 0;
      for (let round = 0; round < 20_000; round++) {
        const message = mutated(next, own);
        const expected = viaPattern(pattern, message);
        if (expected !== null) matched++;
        expect(viaCut(cutter, captures, message), message).toEqual(expected);
      }
      // The mutations keep enough messages whole that both outcomes are exercised.
      expect(matched).toBeGreaterThan(500);
      expect(matched).toBeLessThan(19_500);
    },
  );

  it('takes the leftmost match when the lead comes again after a broken first one', () => {
    const message =
      "User 'a used 'x' authentication, got session: 'first' User 'b' used 'y' authentication, got session: 'second'";
    expect(viaCut(cutGotSession, 2, message)).toEqual(viaPattern(PATTERNS[4].pattern, message));
    expect(cutTimeout('Session  Session abc has been deleted due to inactivity')).toBe(true);
    expect(cut.first).toBe('abc');
  });

  it('knows every code unit JavaScript counts as a space', () => {
    for (let code = 0; code <= 0xffff; code++)
      expect(isRegexSpace(code), code.toString(16)).toBe(/\s/.test(String.fromCharCode(code)));
  });
});
