import { readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFileSpill } from '../../src/cli/temp-file-spill.js';

async function textOf(chunks: AsyncIterable<Uint8Array>): Promise<string> {
  const parts: string[] = [];
  for await (const chunk of chunks) parts.push(Buffer.from(chunk).toString('latin1'));
  return parts.join('');
}

describe('tempFileSpill', () => {
  it('gives back what was written, from any byte on, however many reads it takes, and removes its file', async () => {
    const { spill, dispose } = tempFileSpill();
    const kept = spill();
    // More than one read buffer (256 KB), so the offset and the reads meet inside the file.
    const text = Array.from({ length: 40_000 }, (_, index) => `line ${index}\n`).join('');
    for (let at = 0; at < text.length; at += 10_000) await kept.write(Buffer.from(text.slice(at, at + 10_000)));
    expect(await textOf(kept.chunks())).toBe(text);
    for (const from of [1, 262_144, 300_001, text.length - 1, text.length])
      expect(await textOf(kept.chunks(from))).toBe(text.slice(from));
    // Its file is the one (other tests may spill at the same time) that holds exactly what was written.
    const ours = (): string[] =>
      readdirSync(tmpdir())
        .filter((name) => name.startsWith('qlik-sessions-stdin-'))
        .filter((name) => statSync(join(tmpdir(), name, 'stdin'), { throwIfNoEntry: false })?.size === text.length);
    expect(ours().length).toBeGreaterThanOrEqual(1);
    const held = ours();
    dispose();
    expect(ours().filter((name) => held.includes(name))).toHaveLength(held.length - 1);
  });
});
