import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { guardFile, type GuardedFile } from '../../src/bot/guarded-file.js';
import type { AttachedFile } from '../../src/bot/incoming-message.js';
import { withEntryHeaders } from '../support/zip-entry-headers.js';

function file(
  name: string,
  chunks: readonly Uint8Array[],
  size: number | null = null,
): AttachedFile & { opened: () => number } {
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

/** Every input of the file read to its end, as the analysis would: their texts joined, and their names. */
async function readAll(guarded: GuardedFile): Promise<{ text: string; names: string[] }> {
  const parts: Buffer[] = [];
  const names: string[] = [];
  for await (const input of guarded.inputs()) {
    names.push(input.name);
    for await (const chunk of input.chunks) parts.push(Buffer.from(chunk));
  }
  return { text: Buffer.concat(parts).toString('utf8'), names };
}

async function drain(guarded: GuardedFile): Promise<string> {
  return (await readAll(guarded)).text;
}

const LOG = "Sequence#\tTimestamp\tMessage\n1\t20190201T045901.524+0100\tStart session for user: 'DOMAIN\\qvservice'\n";

describe('guardFile', () => {
  it('passes text through unchanged', async () => {
    const guarded = guardFile(file('a.txt', [Buffer.from(LOG.slice(0, 10)), Buffer.from(LOG.slice(10))]), 1024);
    expect(await drain(guarded)).toBe(LOG);
    expect(guarded.problem()).toBeNull();
  });

  it('inflates gzip recognised by its magic bytes, whatever the name', async () => {
    const packed = gzipSync(Buffer.from(LOG));
    const guarded = guardFile(file('a.txt', [packed.subarray(0, 5), packed.subarray(5)]), 1024);
    expect(await drain(guarded)).toBe(LOG);
    expect(guarded.problem()).toBeNull();
  });

  it('refuses a file whose declared size is over the cap without opening it', async () => {
    const attached = file('big.txt', [Buffer.from(LOG)], 10_000);
    const guarded = guardFile(attached, 1000);
    expect(await drain(guarded)).toBe('');
    expect(guarded.problem()).toEqual({ code: 'too-large', name: 'big.txt', limitBytes: 1000 });
    expect(attached.opened()).toBe(0);
  });

  it('stops at the cap when the size is not declared, also after inflating (a gzip bomb)', async () => {
    const guarded = guardFile(file('bomb.gz', [gzipSync(Buffer.alloc(100_000, 'a'))]), 1000);
    expect((await drain(guarded)).length).toBeLessThanOrEqual(1000);
    expect(guarded.problem()?.code).toBe('too-large');
  });

  it.for([
    ['a PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])],
    ['UTF-16 text', Buffer.from('Start session', 'utf16le')],
  ] as const)('refuses %s as binary', async ([, bytes]) => {
    const guarded = guardFile(file('x.bin', [bytes]), 1024);
    expect(await drain(guarded)).toBe('');
    expect(guarded.problem()).toEqual({ code: 'binary', name: 'x.bin' });
  });

  it('reads the log files of a zip as inputs of their own, passing JSON and ini files over quietly', async () => {
    const zip = zipSync({
      'Log\\Proxy\\Audit\\QS1_AuditActivity_Proxy.txt': Buffer.from(LOG),
      'Log/Repository/Trace/QS1_AuditSecurity_Repository.txt': Buffer.from(LOG.replace('qvservice', 'jdoe')),
      'LogCollector.json': Buffer.from('{}'),
      'Settings.ini': Buffer.from('[x]'),
    });
    const guarded = guardFile(file('LogCollector.zip', [zip.subarray(0, 100), zip.subarray(100)]), 1024);
    const { text, names } = await readAll(guarded);
    expect(names).toEqual([
      'LogCollector.zip/Log/Proxy/Audit/QS1_AuditActivity_Proxy.txt',
      'LogCollector.zip/Log/Repository/Trace/QS1_AuditSecurity_Repository.txt',
    ]);
    expect(text).toBe(LOG + LOG.replace('qvservice', 'jdoe'));
    expect(guarded.problem()).toBeNull();
  });

  it('applies the cap to the unzipped bytes of all entries together (a zip bomb)', async () => {
    const zip = zipSync({ 'a.txt': Buffer.alloc(600, 'a'), 'b.txt': Buffer.alloc(600, 'b') });
    expect(zip.byteLength).toBeLessThan(1000);
    const guarded = guardFile(file('bomb.zip', [zip]), 1000);
    expect((await drain(guarded)).length).toBeLessThanOrEqual(1000);
    expect(guarded.problem()).toEqual({ code: 'too-large-unzipped', name: 'bomb.zip', limitBytes: 1000 });
  });

  it('counts an entry read twice (lines out of time order) once towards the cap', async () => {
    const guarded = guardFile(file('twice.zip', [zipSync({ 'a.txt': Buffer.alloc(600, 'a') })]), 1000);
    for await (const input of guarded.inputs()) {
      for (let reading = 0; reading < 2; reading++)
        for await (const chunk of input.chunks) expect(chunk.length).toBe(600);
    }
    expect(guarded.problem()).toBeNull();
  });

  it('refuses a zip over the cap before unzipping it', async () => {
    const zip = zipSync({ 'a.txt': Buffer.from(LOG) }, { level: 0 });
    const guarded = guardFile(file('big.zip', [zip.subarray(0, 50), zip.subarray(50)]), 100);
    expect(await readAll(guarded)).toEqual({ text: '', names: [] });
    expect(guarded.problem()).toEqual({ code: 'too-large', name: 'big.zip', limitBytes: 100 });
  });

  it('lists what a zip held when none of it is a log', async () => {
    const zip = zipSync({ 'LogCollector.json': Buffer.from('{}'), 'config/Settings.ini': Buffer.from('[x]') });
    const guarded = guardFile(file('settings.zip', [zip]), 1024);
    expect(await readAll(guarded)).toEqual({ text: '', names: [] });
    expect(guarded.problem()).toEqual({
      code: 'archive-without-logs',
      name: 'settings.zip',
      held: ['config/Settings.ini', 'LogCollector.json'],
    });
  });

  it('says why a damaged zip cannot be opened', async () => {
    const guarded = guardFile(file('logs.zip', [Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0])]), 1024);
    expect(await drain(guarded)).toBe('');
    expect(guarded.problem()).toMatchObject({ code: 'archive-unreadable', name: 'logs.zip' });
    expect(guarded.problem()).toHaveProperty('reason', expect.stringContaining('central directory'));
  });

  it('says so when the log files of a zip are encrypted, rather than that it holds none', async () => {
    const zip = withEntryHeaders(
      zipSync({ 'QS1_AuditActivity_Proxy.txt': Buffer.from(LOG) }),
      'QS1_AuditActivity_Proxy.txt',
      {
        flags: 1,
      },
    );
    const guarded = guardFile(file('locked.zip', [zip]), 1024);
    expect(await drain(guarded)).toBe('');
    expect(guarded.problem()).toEqual({
      code: 'archive-unreadable',
      name: 'locked.zip',
      reason: 'its log files are encrypted (the archive has a password)',
    });
  });

  it('refuses a zip without the .zip name with that reason, rather than reading it as text', async () => {
    const guarded = guardFile(file('logs.txt', [zipSync({ 'a.txt': Buffer.from(LOG) })]), 1024);
    expect(await drain(guarded)).toBe('');
    expect(guarded.problem()).toEqual({
      code: 'archive-unreadable',
      name: 'logs.txt',
      reason: 'it is a zip archive without the .zip name',
    });
  });

  it('reports a corrupt gzip stream as unreadable instead of throwing', async () => {
    const broken = gzipSync(Buffer.from(LOG)).subarray(0, 12);
    const guarded = guardFile(file('cut.gz', [broken]), 1024);
    await drain(guarded);
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
    expect(await drain(guarded)).toBe(LOG);
    expect(guarded.problem()).toEqual({ code: 'unreadable', name: 'flaky.txt', message: 'socket hang up' });
  });
});
