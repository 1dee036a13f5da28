import { Inflate } from 'fflate';
import { DamagedInputError } from './damaged-input-error.js';
import { logFileKind } from './log-file-name.js';
import type { ByteRanges, LogInput } from './log-input.js';

/** One file inside a zip archive, as its central directory describes it. */
interface ZipEntry {
  readonly name: string;
  readonly method: number;
  /** General-purpose flags: bit 0 says the entry is encrypted. */
  readonly flags: number;
  readonly compressedSize: number;
  readonly localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** A local header's fixed part, before the entry's name and extra field. */
const LOCAL_HEADER = 30;
/** What the reply says of an entry whose compressed data stops inflating. */
export const DAMAGED_ZIP_ENTRY = 'its compressed data in the zip archive is damaged';
/** Compressed bytes handed to the inflater at a time: even a zip bomb's slice inflates to ~16 MB at most. */
const SLICE = 16 * 1024;

/** What a zip held: the log files as inputs, and what was passed over (folders, JSON, ini, other methods). */
export interface ZipContents {
  readonly inputs: LogInput[];
  readonly passedOver: readonly string[];
  /** Set when the archive could not be read at all (not a zip, ZIP64, damaged, no log file it can inflate). */
  readonly problem: string | null;
}

/** Compression methods other archivers write (7-Zip's Ultra setting is Deflate64), by their number in the format. */
const METHOD_NAMES: Readonly<Record<number, string>> = {
  1: 'Shrink',
  6: 'Implode',
  9: 'Deflate64',
  12: 'bzip2',
  14: 'LZMA',
  93: 'Zstandard',
  95: 'xz',
  98: 'PPMd',
};
/** WinZip's AES encryption, written as a method of its own. */
const AES = 99;

/** Why an entry cannot be read, said of it after "is" (or of all of them after "are"); null when it can be. */
function unreadableAs(entry: ZipEntry): string | null {
  if ((entry.flags & 1) !== 0 || entry.method === AES) return 'encrypted (the archive has a password)';
  if (entry.method === 0 || entry.method === 8) return null;
  const method = METHOD_NAMES[entry.method] ?? `compression method ${entry.method}`;
  return `compressed with ${method}, and only Deflate, what Windows and the Log Collector use, is read here`;
}

/** The chunks of an entry that cannot be read: reading them fails at once, so the reply names it and why. */
function refused(why: string): Iterable<Uint8Array> {
  return {
    [Symbol.iterator]: () => ({
      next: (): IteratorResult<Uint8Array> => {
        throw new DamagedInputError(`it is ${why}`, true);
      },
    }),
  };
}

/** The end of the central directory: its fixed 22 bytes, then a comment of at most 65,535. */
const EOCD_SEARCH = 22 + 65_535;
/** The most a central directory of 65,535 entries takes with names, extras and comments of a few hundred bytes. */
const MAX_DIRECTORY_BYTES = 65_535 * 1024;

/**
 * Where the central directory starts and how many entries it has, from the archive's last bytes (`tail`, which
 * ends where the archive does); a problem in words when there is none to read.
 */
function directoryOf(
  tail: Uint8Array,
): { readonly at: number; readonly size: number; readonly count: number } | string {
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  let eocd = -1;
  for (let at = tail.length - 22; at >= Math.max(0, tail.length - EOCD_SEARCH); at--) {
    if (view.getUint32(at, true) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd === -1) return 'the end of its central directory is missing (the file is cut short or not a zip)';
  const count = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  const at = view.getUint32(eocd + 16, true);
  if (count === 0xffff || at === 0xffffffff) return 'it is a ZIP64 archive; unzip it and give the folder instead';
  return { at, size, count };
}

/** The `count` entries of the central directory `directory` (its bytes from its start on). */
function entriesIn(directory: Uint8Array, count: number): ZipEntry[] | string {
  const view = new DataView(directory.buffer, directory.byteOffset, directory.byteLength);
  const entries: ZipEntry[] = [];
  const utf8 = new TextDecoder('utf-8');
  const latin = new TextDecoder('windows-1252');
  let at = 0;
  for (let index = 0; index < count; index++) {
    if (at + 46 > directory.length || view.getUint32(at, true) !== CENTRAL) return 'its central directory is damaged';
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const localOffset = view.getUint32(at + 42, true);
    const rawName = directory.subarray(at + 46, at + 46 + nameLength);
    const name = ((flags & 0x800) !== 0 ? utf8 : latin).decode(rawName);
    entries.push({ name, method, flags, compressedSize, localOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function entriesOf(zip: Uint8Array): ZipEntry[] | string {
  const directory = directoryOf(zip);
  if (typeof directory === 'string') return directory;
  return entriesIn(zip.subarray(Math.min(directory.at, zip.length)), directory.count);
}

/** Where an entry's compressed bytes start, from its local header (`header`, read at its offset); -1 if damaged. */
function dataStartOf(header: Uint8Array, entry: ZipEntry): number {
  if (header.length < LOCAL_HEADER) return -1;
  const view = new DataView(header.buffer, header.byteOffset, header.byteLength);
  if (view.getUint32(0, true) !== LOCAL) return -1;
  return entry.localOffset + LOCAL_HEADER + view.getUint16(26, true) + view.getUint16(28, true);
}

/** The compressed bytes of an entry, after its local header. */
function dataOf(zip: Uint8Array, entry: ZipEntry): Uint8Array | null {
  const start = dataStartOf(zip.subarray(entry.localOffset, entry.localOffset + LOCAL_HEADER), entry);
  if (start === -1) return null;
  return zip.subarray(start, Math.min(zip.length, start + entry.compressedSize));
}

/**
 * An entry's DEFLATE data inflated a slice at a time. Where it stops inflating (damaged, or cut short by the
 * archive's size), what came out before is given and then DamagedInputError: the entry ends there.
 */
function* inflated(data: Uint8Array): Generator<Uint8Array> {
  const out: Uint8Array[] = [];
  const inflate = new Inflate((chunk) => {
    if (chunk.length > 0) out.push(chunk);
  });
  let damaged = false;
  const push = (slice: Uint8Array, final: boolean): void => {
    try {
      inflate.push(slice, final);
    } catch {
      damaged = true;
    }
  };
  for (let at = 0; at < data.length && !damaged; at += SLICE) {
    push(data.subarray(at, Math.min(data.length, at + SLICE)), at + SLICE >= data.length);
    while (out.length > 0) yield out.shift() as Uint8Array;
  }
  if (data.length === 0) push(data, true);
  while (out.length > 0) yield out.shift() as Uint8Array;
  if (damaged) throw new DamagedInputError(DAMAGED_ZIP_ENTRY);
}

/** The entries' log files as inputs, each read by `chunksOf`, sorted as a folder's are; the rest passed over. */
function contentsOf(
  entries: readonly ZipEntry[],
  archiveName: string,
  chunksOf: (entry: ZipEntry) => LogInput['chunks'],
): ZipContents {
  const inputs: LogInput[] = [];
  const passedOver: string[] = [];
  let readable = 0;
  let firstUnreadable: string | null = null;
  const named = entries.map((entry) => ({ entry, name: entry.name.replaceAll('\\', '/') }));
  for (const { entry, name } of named.sort((a, b) => a.name.localeCompare(b.name))) {
    if (name.endsWith('/')) continue;
    // A zip inside the zip is passed over too: only its own log files are read.
    const kind = logFileKind(name);
    if (kind === undefined || kind === 'zip') {
      passedOver.push(name);
      continue;
    }
    // A log file that cannot be inflated is not passed over quietly: the reply names it and says why.
    const why = unreadableAs(entry);
    if (why === null) readable++;
    else firstUnreadable ??= why;
    inputs.push({
      name: `${archiveName}/${name}`,
      chunks: why === null ? chunksOf(entry) : refused(why),
    });
  }
  // None readable (a password, or 7-Zip's Deflate64, is set for the whole archive): the archive is what is refused.
  if (readable === 0 && firstUnreadable !== null)
    return { inputs: [], passedOver, problem: `its log files are ${firstUnreadable}` };
  return { inputs, passedOver, problem: null };
}

/**
 * The log files of a zip archive (the Log Collector's output) as inputs, read as a folder would be: Windows `\`
 * separators and nested folders, JSON and ini files beside the logs passed over quietly. Each entry is inflated
 * lazily, a slice at a time, when the analysis reads it (with fflate's inflater), so several can be read at once.
 */
export function zipLogInputs(zip: Uint8Array, archiveName: string): ZipContents {
  const entries = entriesOf(zip);
  if (typeof entries === 'string') return { inputs: [], passedOver: [], problem: entries };
  return contentsOf(entries, archiveName, (entry) => ({
    [Symbol.iterator]: () => {
      const data = dataOf(zip, entry);
      if (data === null) return [][Symbol.iterator]();
      return (entry.method === 0 ? [data] : inflated(data))[Symbol.iterator]();
    },
  }));
}

/**
 * The log files of a zip archive on disk, read where they lie: the central directory from the end of the file,
 * then each entry's bytes as the analysis reads it, inflated by `ranges` (a stream that stops inflating ends in
 * DamagedInputError). The archive is never in memory as a whole, whatever its size.
 */
export async function zipFileInputs(ranges: ByteRanges, archiveName: string): Promise<ZipContents> {
  const size = await ranges.size();
  const directory = directoryOf(await ranges.read(Math.max(0, size - EOCD_SEARCH), size));
  if (typeof directory === 'string') return { inputs: [], passedOver: [], problem: directory };
  // Read as far as the directory says it runs, and no further than a directory of 65,535 entries can: a damaged
  // size must not have the whole archive read into memory.
  const end = Math.min(size, directory.at + directory.size, directory.at + MAX_DIRECTORY_BYTES);
  const entries = entriesIn(await ranges.read(Math.min(directory.at, size), end), directory.count);
  if (typeof entries === 'string') return { inputs: [], passedOver: [], problem: entries };
  return contentsOf(entries, archiveName, (entry) => ({
    [Symbol.asyncIterator]: () => entryChunks(ranges, entry)[Symbol.asyncIterator](),
  }));
}

async function* entryChunks(ranges: ByteRanges, entry: ZipEntry): AsyncGenerator<Uint8Array> {
  const start = dataStartOf(await ranges.read(entry.localOffset, entry.localOffset + LOCAL_HEADER), entry);
  if (start === -1) return;
  yield* ranges.chunks(start, start + entry.compressedSize, entry.method === 8);
}
