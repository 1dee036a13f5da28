import { describe, expect, it } from 'vitest';
import { isQlikUserName } from '../../../src/core/users/index.js';

describe('isQlikUserName', () => {
  it.for([
    ['CORP\\mweber', true],
    ['INTERNAL\\sa_api', true],
    ['mweber', false],
    ['CORP\\\\mweber', false],
    ['CORP\\m weber', false],
    ['CORP\\', false],
    ['\\mweber', false],
    ['CORP\\mweber\nx', false],
  ] as const)('%j -> %s', ([text, expected]) => {
    expect(isQlikUserName(text)).toBe(expected);
  });
});
