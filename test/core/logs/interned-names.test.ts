import { describe, expect, it } from 'vitest';
import { InternedNames } from '../../../src/core/logs/interned-names.js';

describe('InternedNames', () => {
  it('gives each name as it is written, wherever it is cut from and however often it comes', () => {
    const names = new InternedNames();
    const first = names.of('x CORP\\jdoe y', 2, 11);
    expect(first).toBe('CORP\\jdoe');
    expect(names.of('CORP\\jdoe', 0, 9)).toBe(first);
    expect(names.of('..CORP\\jdoe..', 2, 11)).toBe(first);
    expect(names.of('CORP\\jdoe2', 0, 10)).toBe('CORP\\jdoe2');
    expect(names.of('corp\\jdoe', 0, 9)).toBe('corp\\jdoe');
  });

  it('joins a directory and an id as the parser does, the same string as the whole name cut in one', () => {
    const names = new InternedNames();
    const row = 'CORP\tjdoe\tCORP\\jdoe';
    const joined = names.joined(row, 0, 4, 5, 9);
    expect(joined).toBe('CORP\\jdoe');
    expect(names.of(row, 10, 19)).toBe(joined);
    expect(names.joined('COR\tPjdoe', 0, 3, 4, 9)).toBe('COR\\Pjdoe');
    expect(names.joined('CORP\tjdoe', 0, 4, 5, 9)).toBe(joined);
  });

  it('keeps giving every name right beyond the names it holds, and by many of them in one table', () => {
    const names = new InternedNames();
    for (let round = 0; round < 2; round++) {
      for (let index = 0; index < 20_000; index++) {
        const name = `D${index % 7}\\user${index}`;
        expect(names.of(`\t${name}\t`, 1, name.length + 1)).toBe(name);
        const [directory = '', id = ''] = name.split('\\');
        const row = `${directory}\t${id}`;
        expect(names.joined(row, 0, directory.length, directory.length + 1, row.length)).toBe(name);
      }
    }
  });
});
