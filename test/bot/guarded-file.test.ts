import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { guardFile } from '../../src/bot/guarded-file.js';
import type { AttachedFile } from '../../src/bot/incoming-message.js';

function file(name: string, chunks: readonly Uint8Array[], size: number | null = null): AttachedFile & { opened: () => number } {
  let opened = 0;
  return {
    name,
    size,
    opened: () => opened,
    open: async function* () {
      opened += 1;
      yield* chunks;
    },
  };
}

async function drain(chunks: AsyncIterable<Uint8Array>): Promise<string> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return Buffer.concat(parts).toString('utf8');
}

const LOG = 'Sequence#\tTimestamp\tMessage\n1\t20190201T045901.524+0100\tStart session for user: \'DOMAIN\\qvservice\'\n';

describe('guardFile', () => {
  it('passes text through unchanged', async () => {
    const guarded = guardFile(file('a.txt', [Buffer.from(LOG.slice(0, 10)), Buffer.from(LOG.slice(10))]), 1024);
    expect(await drain(guarded.chunks)).toBe(LOG);
    expect(guarded.problem()).toBeNull();
  });

  it('inflates gzip recognised by its magic bytes, whatever the name', async () => {
    const packed = gzipSync(Buffer.from(LOG));
    const guarded = guardFile(file('a.txt', [packed.subarray(0, 5), packed.subarray(5)]), 1024);
    expect(await drain(guarded.chunks)).toBe(LOG);
    expect(guarded.problem()).toBeNull();
  });

  it('refuses a file whose declared size is over the cap without opening it', async () => {
    const attached = file('big.txt', [Buffer.from(LOG)], 10_000);
    const guarded = guardFile(attached, 1000);
    expect(await drain(guarded.chunks)).toBe('');
    expect(guarded.problem()).toEqual({ code: 'too-large', name: 'big.txt', limitBytes: 1000 });
    expect(attached.opened()).toBe(0);
  });

  it('stops at the cap when the size is not declared, also after inflating (a gzip bomb)', async () => {
    const guarded = guardFile(file('bomb.gz', [gzipSync(Buffer.alloc(100_000, 'a'))]), 1000);
    expect((await drain(guarded.chunks)).length).toBeLessThanOrEqual(1000);
    expect(guarded.problem()?.code).toBe('too-large');
  });

  it.for([
    ['a PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])],
    ['UTF-16 text', Buffer.from('Start session', 'utf16le')],
  ] as const)('refuses %s as binary', async ([, bytes]) => {
    const guarded = guardFile(file('x.bin', [bytes]), 1024);
    expect(await drain(guarded.chunks)).toBe('');
    expect(guarded.problem()).toEqual({ code: 'binary', name: 'x.bin' });
  });

  it('refuses a zip archive with its own reason', async () => {
    const guarded = guardFile(file('logs.zip', [Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0])]), 1024);
    expect(await drain(guarded.chunks)).toBe('');
    expect(guarded.problem()?.code).toBe('archive');
  });

  it('reports a corrupt gzip stream as unreadable instead of throwing', async () => {
    const broken = gzipSync(Buffer.from(LOG)).subarray(0, 12);
    const guarded = guardFile(file('cut.gz', [broken]), 1024);
    await drain(guarded.chunks);
    expect(guarded.problem()?.code).toBe('unreadable');
  });

  it('reports a download that fails half-way as unreadable', async () => {
    const failing: AttachedFile = {
      name: 'flaky.txt',
      size: null,
      open: async function* () {
        yield Buffer.from(LOG);
        throw new Error('socket hang up');
      },
    };
    const guarded = guardFile(failing, 1024);
    expect(await drain(guarded.chunks)).toBe(LOG);
    expect(guarded.problem()).toEqual({ code: 'unreadable', name: 'flaky.txt', message: 'socket hang up' });
  });
});
