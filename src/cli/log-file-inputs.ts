import { Buffer } from 'node:buffer';
import { createReadStream, readSync } from 'node:fs';
import { open, readdir, realpath, stat, type FileHandle } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { createGunzip, createInflateRaw } from 'node:zlib';
import {
  DAMAGED_GZIP,
  DAMAGED_ZIP_ENTRY,
  DamagedInputError,
  isLogFileName,
  logFileKind,
  type ByteRanges,
  type LogInput,
} from '../core/logs/index.js';

/** A path that cannot be read, with the reason in words; the command exits 2 with it. */
export class UnreadableInputError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
  }
}

const NOT_GZIP = 'not a valid gzip file';

function reasonOf(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder';
  if (typeof code === 'string' && code.startsWith('Z_')) return NOT_GZIP;
  return error instanceof Error ? error.message : String(error);
}

/**
 * A gzip file's inflated bytes. One that is not gzip at all cannot be read (exit 2, naming it); one that inflated
 * for a while and then failed (cut short, as a copy made while it was written is) is read up to there, and the
 * reply says so.
 */
async function* guarded(path: string, stream: Readable): AsyncIterable<Uint8Array> {
  let inflated = false;
  try {
    for await (const chunk of stream) {
      inflated = true;
      yield chunk as Uint8Array;
    }
  } catch (error) {
    const reason = reasonOf(error);
    if (inflated && reason === NOT_GZIP) throw new DamagedInputError(DAMAGED_GZIP);
    throw new UnreadableInputError(path, reason);
  } finally {
    stream.destroy();
  }
}

/** Bytes read from a file at a time. */
const READ_BYTES = 256 * 1024;
/** What zlib hands on at a time when it inflates a zip entry (its default is 16 KB). */
const INFLATED_CHUNK_BYTES = 64 * 1024;
/**
 * Read buffers of files read to their end, taken by the next file opened: a folder of archived logs is thousands of
 * small files, and a fresh 256 KB buffer for each was 1.2 GB of memory outside the heap for 5,000 of them, which set
 * off full garbage collections. A lane opens its next file as the last one ends, so a few spares serve them all.
 */
const spareBuffers: Buffer[] = [];
const MAX_SPARE_BUFFERS = 4;
/** Reads between two turns of the event loop (4 MB): timers and signals are heard while a big file is read. */
const READS_PER_TURN = 16;

/**
 * A plain file read through one buffer, reused for every read: a chunk is only valid until the next is asked for,
 * which `readLogInputs` respects (it scans a chunk whole before reading on, and copies what it keeps). Fresh
 * buffers for each read cost as much in page faults and garbage as the analysis of the bytes in them. The reads
 * are synchronous: these inputs are read only by the one-shot `analyze` command, where nothing else waits on the
 * event loop, and an asynchronous read is a trip through the thread pool for every 256 KB, during which the main
 * thread idled (~3% less CPU without them on a 300 MB folder). The loop still yields a turn every few megabytes.
 */
export async function* fileChunks(path: string, start = 0, end = Number.POSITIVE_INFINITY): AsyncGenerator<Uint8Array> {
  let handle: FileHandle | undefined;
  let buffer: Buffer | undefined;
  try {
    handle = await open(path, 'r');
    buffer = spareBuffers.pop() ?? Buffer.allocUnsafe(READ_BYTES);
    for (let reads = 1, position = start; position < end; reads++) {
      if (reads % READS_PER_TURN === 0) await new Promise(setImmediate);
      const bytesRead = readSync(handle.fd, buffer, 0, Math.min(buffer.length, end - position), position);
      if (bytesRead === 0) return;
      position += bytesRead;
      yield buffer.subarray(0, bytesRead);
    }
  } catch (error) {
    throw new UnreadableInputError(path, reasonOf(error));
  } finally {
    // Its last chunk was given before the next was asked for: nobody holds the buffer now.
    if (buffer !== undefined && spareBuffers.length < MAX_SPARE_BUFFERS) spareBuffers.push(buffer);
    await handle?.close();
  }
}

/**
 * A zip entry's bytes as they stream (`stream`, read from `raw`). Where inflating fails its data is damaged: what
 * came out before is given, then DamagedInputError. Any other failure means the file could not be read.
 */
async function* entryGuarded(path: string, raw: Readable, stream: Readable): AsyncIterable<Uint8Array> {
  try {
    for await (const chunk of stream) yield chunk as Uint8Array;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('Z_')) throw new DamagedInputError(DAMAGED_ZIP_ENTRY);
    throw new UnreadableInputError(path, reasonOf(error));
  } finally {
    stream.destroy();
    raw.destroy();
  }
}

async function* noChunks(): AsyncGenerator<Uint8Array> {}

/**
 * The file's bytes by position, for a zip archive: its entries are streamed from where they lie and inflated by
 * zlib on its own threads, as a .gz file is; nothing holds the archive whole.
 */
function fileRanges(path: string): ByteRanges {
  return {
    size: async () => {
      try {
        return (await stat(path)).size;
      } catch (error) {
        throw new UnreadableInputError(path, reasonOf(error));
      }
    },
    read: async (start, end) => {
      let handle: FileHandle | undefined;
      try {
        handle = await open(path, 'r');
        const buffer = Buffer.alloc(Math.max(0, end - start));
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, start);
        return buffer.subarray(0, bytesRead);
      } catch (error) {
        throw new UnreadableInputError(path, reasonOf(error));
      } finally {
        await handle?.close();
      }
    },
    chunks: (start, end, deflated) => {
      if (!deflated) return fileChunks(path, start, end);
      if (end <= start) return noChunks();
      // zlib holds what it is given until it has inflated it: these reads get buffers of their own.
      const raw = createReadStream(path, { start, end: end - 1, highWaterMark: READ_BYTES });
      const stream = raw.pipe(createInflateRaw({ chunkSize: INFLATED_CHUNK_BYTES }));
      raw.on('error', (error) => stream.destroy(error));
      return entryGuarded(path, raw, stream);
    },
  };
}

function fileInput(path: string, name: string): LogInput {
  return {
    name,
    reopenable: true,
    ...(logFileKind(path) === 'gzip' ? {} : { ranges: fileRanges(path) }),
    chunks: {
      [Symbol.asyncIterator]: () => {
        if (logFileKind(path) !== 'gzip') return fileChunks(path)[Symbol.asyncIterator]();
        // zlib inflates on its own threads while the next bytes are read: each read gets a buffer of its own.
        const raw = createReadStream(path, { highWaterMark: READ_BYTES });
        const stream = raw.pipe(createGunzip({ chunkSize: INFLATED_CHUNK_BYTES }));
        raw.on('error', (error) => stream.destroy(error));
        return guarded(path, stream)[Symbol.asyncIterator]();
      },
    },
  };
}

/** Reading a FIFO, socket or device never ends (or blocks until a writer comes): only regular files are logs. */
function notRegularFile(info: Stats): string | undefined {
  if (info.isFile()) return undefined;
  const kind = info.isFIFO()
    ? 'a named pipe (FIFO)'
    : info.isSocket()
      ? 'a socket'
      : info.isCharacterDevice() || info.isBlockDevice()
        ? 'a device'
        : 'not a file';
  return `is ${kind}, not a regular file: save the log to a file, or pipe it in with \`-\``;
}

/** What a symbolic link in a folder points to; a broken link is skipped like any other non-log entry. */
async function statOrUndefined(path: string): Promise<Stats | undefined> {
  try {
    return await stat(path);
  } catch {
    return undefined;
  }
}

/** Log files under `folder`, following symbolic links (log shares are often linked in) but each folder once. */
async function walk(folder: string, seen: Set<string> = new Set()): Promise<string[]> {
  const real = await realpath(folder);
  if (seen.has(real)) return [];
  seen.add(real);
  const entries = await readdir(folder, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(folder, entry.name);
    const info = entry.isSymbolicLink() ? await statOrUndefined(path) : entry;
    if (info === undefined) continue;
    if (info.isDirectory()) files.push(...(await walk(path, seen)));
    else if (info.isFile() && isLogFileName(entry.name)) files.push(path);
  }
  return files;
}

/**
 * The inputs named on the command line: files, folders walked recursively (the Log Collector layout
 * `Log/<Service>/<Audit|Trace|System>/`), `.gz` files gunzipped on the fly. Every path is checked before any is
 * read, so a typo fails fast; a file is opened only when the analyzer starts reading it (a bounded number at once).
 */
export async function logFileInputs(
  paths: readonly string[],
  cwd: string,
): Promise<{ ok: true; inputs: LogInput[]; emptyFolders: string[] } | { ok: false; error: UnreadableInputError }> {
  const inputs: LogInput[] = [];
  const emptyFolders: string[] = [];
  for (const given of paths) {
    const path = resolve(cwd, given);
    try {
      const info = await stat(path);
      if (info.isDirectory()) {
        const files = await walk(path);
        if (files.length === 0) emptyFolders.push(given);
        for (const file of files) inputs.push(fileInput(file, relative(cwd, file) || file));
      } else {
        const refused = notRegularFile(info);
        if (refused !== undefined) return { ok: false, error: new UnreadableInputError(given, refused) };
        inputs.push(fileInput(path, given));
      }
    } catch (error) {
      return { ok: false, error: new UnreadableInputError(given, reasonOf(error)) };
    }
  }
  return { ok: true, inputs, emptyFolders };
}
