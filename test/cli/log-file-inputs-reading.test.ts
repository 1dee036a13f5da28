import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logFileInputs, UnreadableInputError } from '../../src/cli/log-file-inputs.js';
import { LOG_LAYOUTS, type LogInput } from '../../src/core/logs/index.js';
import { analyzeLogs } from '../../src/core/verdict/index.js';
import { fileInputs, scenario } from '../support/log-inputs.js';

/** Every chunk of an input, each copied before the next is asked for (the reader may reuse its buffer). */
async function copiedChunks(input: LogInput): Promise<{ copies: Buffer[]; buffers: Set<ArrayBufferLike> }> {
  const copies: Buffer[] = [];
  const buffers = new Set<ArrayBufferLike>();
  for await (const chunk of input.chunks as AsyncIterable<Uint8Array>) {
    copies.push(Buffer.from(chunk));
    buffers.add(chunk.buffer);
  }
  return { copies, buffers };
}

async function inputsOf(path: string, cwd: string): Promise<LogInput[]> {
  const result = await logFileInputs([path], cwd);
  if (!result.ok) throw result.error;
  return result.inputs;
}

describe('analyze reads log files', () => {
  let dir: string;
  const big = Buffer.alloc(1_500_000);
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'qlik-reading-'));
    for (let index = 0; index < big.length; index++) big[index] = 32 + ((index * 7919) % 90);
    writeFileSync(join(dir, 'big.txt'), big);
    writeFileSync(join(dir, 'big.txt.gz'), gzipSync(big));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('through one reused buffer: a file larger than it comes in chunks of that one buffer, with every byte', async () => {
    const [input] = await inputsOf('big.txt', dir);
    const { copies, buffers } = await copiedChunks(input as LogInput);
    expect(copies.length).toBeGreaterThan(2);
    expect(buffers.size).toBe(1);
    expect(Buffer.concat(copies).equals(big)).toBe(true);
  });

  it('one after another through the same buffer, and two read at once each through its own', async () => {
    const other = Buffer.from(big.subarray(0, 700_000)).reverse();
    writeFileSync(join(dir, 'other.txt'), other);
    const [bigInput] = await inputsOf('big.txt', dir);
    const [otherInput] = await inputsOf('other.txt', dir);
    const first = await copiedChunks(bigInput as LogInput);
    const next = await copiedChunks(otherInput as LogInput);
    // A folder of thousands of small files allocates no buffer per file.
    expect([...next.buffers]).toEqual([...first.buffers]);
    // In turns, as the lanes of one analysis read their files: every byte of each, neither overwriting the other.
    const readers = [bigInput, otherInput].map((input) =>
      (input?.chunks as AsyncIterable<Uint8Array>)[Symbol.asyncIterator](),
    );
    const copies: Buffer[][] = [[], []];
    const buffers = [new Set<ArrayBufferLike>(), new Set<ArrayBufferLike>()];
    let done = [false, false];
    while (!done[0] || !done[1]) {
      const chunks = await Promise.all(readers.map((reader, index) => (done[index] ? null : reader.next())));
      chunks.forEach((chunk, index) => {
        if (chunk === null) return;
        if (chunk.done === true) done = done.map((value, at) => value || at === index);
        else buffers[index]?.add(chunk.value.buffer);
      });
      // Copied only once both are in hand: a shared buffer would show here as one file's bytes in the other.
      chunks.forEach((chunk, index) => {
        if (chunk !== null && chunk.done !== true) copies[index]?.push(Buffer.from(chunk.value));
      });
    }
    expect(Buffer.concat(copies[0] as Buffer[]).equals(big)).toBe(true);
    expect(Buffer.concat(copies[1] as Buffer[]).equals(other)).toBe(true);
    expect([...(buffers[0] as Set<ArrayBufferLike>)].some((buffer) => buffers[1]?.has(buffer))).toBe(false);
  });

  it('gunzipped, each chunk its own (zlib inflates while the next bytes are read)', async () => {
    const [input] = await inputsOf('big.txt.gz', dir);
    const { copies } = await copiedChunks(input as LogInput);
    expect(Buffer.concat(copies).equals(big)).toBe(true);
  });

  it('again from the start each time the input is iterated', async () => {
    const [input] = await inputsOf('big.txt', dir);
    const first = Buffer.concat((await copiedChunks(input as LogInput)).copies);
    const second = Buffer.concat((await copiedChunks(input as LogInput)).copies);
    expect(second.equals(first)).toBe(true);
  });

  it('saying which file could not be read when it went away after the folder was listed', async () => {
    writeFileSync(join(dir, 'gone.txt'), 'x\n');
    const [input] = await inputsOf('gone.txt', dir);
    unlinkSync(join(dir, 'gone.txt'));
    await expect(copiedChunks(input as LogInput)).rejects.toThrow(UnreadableInputError);
    await expect(copiedChunks(input as LogInput)).rejects.toThrow(/gone\.txt: no such file or folder/);
  });

  it('inflates gzip found by its bytes under a .txt name, however many reads of the one buffer it takes', async () => {
    // Random session ids keep the compressed file larger than the buffer: fflate gets several pushes.
    const rows = Array.from({ length: 20_000 }, (_, index) => {
      const values: Record<string, string> = {
        'Sequence#': String(index + 1),
        Timestamp: `20240311T07${String(Math.floor(index / 600) % 60).padStart(2, '0')}${String(Math.floor(index / 10) % 60).padStart(2, '0')}.${String(index % 1000).padStart(3, '0')}+0100`,
        Hostname: 'QS1',
        ServiceUser: 'CORP\\qlikservice',
        Message: `User 'user${index % 37}' used 'ticket' authentication, got session: '${crypto.randomUUID()}'`,
        ActiveUserDirectory: 'CORP',
        ActiveUserId: `user${index % 37}`,
        IpAddress: `10.0.${index % 250}.${index % 200}`,
      };
      return LOG_LAYOUTS.Audit_Proxy.map((column) => values[column] ?? '').join('\t');
    });
    const text = `${LOG_LAYOUTS.Audit_Proxy.join('\t')}\r\n${rows.join('\r\n')}\r\n`;
    writeFileSync(join(dir, 'plain_Audit_Proxy.txt'), text);
    const gzipped = gzipSync(text);
    expect(gzipped.length).toBeGreaterThan(2 * 256 * 1024);
    writeFileSync(join(dir, 'hidden_Audit_Proxy.txt'), gzipped);
    const plain = await analyzeLogs(await inputsOf('plain_Audit_Proxy.txt', dir));
    const hidden = await analyzeLogs(await inputsOf('hidden_Audit_Proxy.txt', dir));
    expect(hidden.users).toEqual(plain.users);
    expect(hidden.input.lines).toBe(20_001);
    expect(plain.users.reduce((sum, user) => sum + user.sessionsStarted, 0)).toBe(20_000);
  });

  it('into the same report as a stream of small chunks gives', async () => {
    const folder = scenario('service-account-licensed-log-collector');
    const fromFiles = await analyzeLogs(await inputsOf(folder, process.cwd()));
    const fromStreams = await analyzeLogs(fileInputs(folder));
    expect(JSON.stringify(fromFiles.findings)).toBe(JSON.stringify(fromStreams.findings));
    expect(fromFiles.users).toEqual(fromStreams.users);
    expect(fromFiles.input.lines).toBeGreaterThan(0);
  });
});
