import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { prettyJsonPieces } from '../../src/cli/pretty-json-pieces.js';
import { writePieces } from '../../src/cli/write-pieces.js';
import { analyzeLogs, reportJson } from '../../src/core/verdict/index.js';
import { fileInputs, scenario } from '../support/log-inputs.js';

class WithToJson {
  toJSON(): unknown {
    return { as: 'json' };
  }
}

const VALUES: readonly unknown[] = [
  {},
  [],
  null,
  'text',
  3.5,
  Number.NaN,
  { a: [], b: {}, c: [[]], d: [{}] },
  { skipped: undefined, fn: () => 1, kept: 1 },
  [undefined, () => 1, 'x'],
  { nested: { deeper: { deepest: [1, { two: 'lines\nin a string' }] } }, list: [{ a: 1 }, { b: [1, 2] }] },
  { date: new Date(0), custom: new WithToJson(), unicode: 'Zürich \u2028 \uFEFF', [`key "quoted"`]: true },
  Object.assign(Object.create(null) as object, { bare: [1] }),
];

describe('prettyJsonPieces', () => {
  it.for(VALUES.map((value, index) => ({ index, value })))(
    'joins to JSON.stringify(value, null, 2) for value $index',
    ({ value }) => {
      for (const depth of [0, 1, 2, 4])
        expect([...prettyJsonPieces(value, depth)].join('')).toBe(JSON.stringify(value, null, 2));
    },
  );

  it('joins to the one string for the report of a real log, in many pieces', async () => {
    const report = reportJson(await analyzeLogs(fileInputs(scenario('many-clients_Audit_Proxy.txt'))));
    const pieces = [...prettyJsonPieces(report)];
    expect(pieces.join('')).toBe(JSON.stringify(report, null, 2));
    expect(pieces.length).toBeGreaterThan(report.users.length);
  });

  it('writes the pieces in batches, then the end', async () => {
    const output = new PassThrough();
    const chunks: string[] = [];
    output.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
    const pieces = Array.from({ length: 10_000 }, (_, index) => `piece ${index};`);
    await writePieces(output, pieces, '\n');
    expect(chunks.join('')).toBe(`${pieces.join('')}\n`);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.length).toBeLessThan(pieces.length / 100);
  });
});
