import { stat } from 'node:fs/promises';
import type { NodeEvent, FollowBatch, LogFeed, WatchStateFile } from '../../bot/index.js';
import { LineScanner, newLineContext, parseLogLine, type LineContext, type LogEvent } from '../../core/logs/index.js';
import { codeOf, listLogFiles, type LogFile } from './list-log-files.js';
import { readRange } from './read-range.js';

export interface FollowOptions {
  readonly folders: readonly string[];
  /** The read positions, kept across restarts. */
  readonly state: WatchStateFile;
  readonly now?: () => number;
  /** How far back the first start reads (default 5 minutes): older lines build the counts, they raise no alert. */
  readonly firstStartWindowMs?: number;
  /** How much of each file's end the first start reads (default 4 MB). */
  readonly tailBytes?: number;
  /** At most this much of one file per read; the rest comes with the next (default 8 MB). */
  readonly maxBytesPerRead?: number;
  /** How often the folders are listed for new files (default 30 s; the known files are looked at on every read). */
  readonly discoverEveryMs?: number;
}

/** What is kept per file across restarts. */
interface Position {
  readonly offset: number;
  readonly ino: number;
  /** The first bytes of the file (hex): they tell the file from its successor where the share has no file ids. */
  readonly signature: string;
}

interface Followed {
  readonly file: LogFile;
  offset: number;
  ino: number;
  signature: string;
  /** Started inside a line (the first start's tail): the bytes up to the first newline are skipped. */
  skipPartial: boolean;
  readonly context: LineContext;
  headerRead: boolean;
}

const SIGNATURE_BYTES = 64;
const NEWLINE = 10;

/** The log folders as a feed: polled (file-system events do not reach across SMB), rollover and partial lines handled. */
export async function followLogFolders(options: FollowOptions): Promise<LogFeed> {
  const now = options.now ?? Date.now;
  const windowMs = options.firstStartWindowMs ?? 5 * 60_000;
  const tailBytes = options.tailBytes ?? 4 * 1024 * 1024;
  const maxBytes = options.maxBytesPerRead ?? 8 * 1024 * 1024;
  const discoverEvery = options.discoverEveryMs ?? 30_000;
  const saved = parsePositions(await options.state.load());
  const firstStart = saved === null;
  const positions = new Map<string, Position>(Object.entries(saved ?? {}));
  const followed = new Map<string, Followed>();
  let lastDiscovery = Number.NEGATIVE_INFINITY;
  let lastSaved = JSON.stringify(Object.fromEntries(positions));
  let initialised = false;

  const follow = async (file: LogFile, fromStart: boolean): Promise<void> => {
    const known = positions.get(file.path);
    const head = await readRange(file.path, 0, SIGNATURE_BYTES).catch(() => Buffer.alloc(0));
    const signature = head.toString('hex');
    let offset = 0;
    let skipPartial = false;
    if (known !== undefined && !fromStart) {
      if (sameFile(known, file.ino, signature) && file.size >= known.offset) offset = known.offset;
    } else if (!initialised && (firstStart || file.size > tailBytes)) {
      // A first start reads the last minutes only; so does a resume for a big file it has no position for.
      offset = Math.max(0, file.size - tailBytes);
      skipPartial = offset > 0;
    }
    followed.set(file.path, {
      file,
      offset,
      ino: file.ino,
      signature,
      skipPartial,
      context: newLineContext(),
      headerRead: offset === 0,
    });
  };

  const discover = async (problems: string[]): Promise<void> => {
    const listed = await listLogFiles(options.folders, { liveOnly: true });
    problems.push(...listed.problems);
    for (const file of listed.files) if (!followed.has(file.path)) await follow(file, false);
    lastDiscovery = now();
  };

  /** Reads the new complete lines of one file; returns true when more is waiting. */
  const readNew = async (entry: Followed, size: number, events: NodeEvent[]): Promise<boolean> => {
    if (!entry.headerRead) {
      entry.headerRead = true;
      const head = await readRange(entry.file.path, 0, 16 * 1024);
      const end = head.indexOf(NEWLINE);
      if (end !== -1) parseLogLine(head.toString('utf8', 0, end), entry.context, () => undefined);
    }
    if (size <= entry.offset) return false;
    const length = Math.min(maxBytes, size - entry.offset);
    const bytes = await readRange(entry.file.path, entry.offset, length);
    let start = 0;
    if (entry.skipPartial) {
      const first = bytes.indexOf(NEWLINE);
      if (first === -1) return false;
      start = first + 1;
      entry.skipPartial = false;
    }
    const last = bytes.lastIndexOf(NEWLINE);
    if (last < start) {
      // No whole line yet: the writer is in the middle of one. A line longer than a whole read is cut.
      if (bytes.length === maxBytes) entry.offset += bytes.length;
      return bytes.length === maxBytes;
    }
    const node = entry.file.host;
    let key = Number.NEGATIVE_INFINITY;
    const emit = (event: LogEvent): void => {
      const at = event.kind === 'reload' ? event.stop : event.kind === 'service-user' ? Number.NaN : event.at;
      if (!Number.isNaN(at)) key = at;
      events.push({ event, node, key } as NodeEvent & { key: number });
    };
    const scanner = new LineScanner((line) => void parseLogLine(line, entry.context, emit));
    scanner.push(bytes.subarray(start, last + 1));
    entry.offset += last + 1;
    return entry.offset < size;
  };

  /** The file at `entry`'s path is another one now (Qlik renamed it to an archived name): finish the old from its archive. */
  const finishRolled = async (entry: Followed, events: NodeEvent[], problems: string[]): Promise<void> => {
    const listed = await listLogFiles(options.folders);
    const candidates = listed.files.filter(
      (file) => file.series === entry.file.series && file.archivedAt !== null && file.size >= entry.offset,
    );
    for (const candidate of candidates.sort((a, b) => (b.archivedAt ?? 0) - (a.archivedAt ?? 0))) {
      const head = await readRange(candidate.path, 0, SIGNATURE_BYTES).catch(() => Buffer.alloc(0));
      if (
        !sameFile(
          { offset: entry.offset, ino: entry.ino, signature: entry.signature },
          candidate.ino,
          head.toString('hex'),
        )
      )
        continue;
      const archived: Followed = { ...entry, file: candidate };
      while (await readNew(archived, candidate.size, events));
      return;
    }
    if (entry.offset > 0) {
      problems.push(
        `${entry.file.name} rolled over, and its archived copy was not found under QLIK_LOG_DIR: lines written just before the rollover may be missed. Add the ArchivedLogs share to QLIK_LOG_DIR.`,
      );
    }
  };

  return {
    historyBefore: firstStart ? now() - windowMs : null,
    async read(): Promise<FollowBatch> {
      const events: NodeEvent[] = [];
      const problems: string[] = [];
      if (now() - lastDiscovery >= discoverEvery || followed.size === 0) await discover(problems);
      initialised = true;
      let more = false;
      for (const [path, entry] of followed) {
        let info: { size: number; ino: number } | null = null;
        try {
          info = await stat(path);
        } catch (error) {
          if (codeOf(error) !== 'ENOENT') problems.push(`${entry.file.name} cannot be read (${codeOf(error)}).`);
        }
        try {
          if (info === null || rolled(entry, info) || (await signatureChanged(entry, info))) {
            await finishRolled(entry, events, problems);
            followed.delete(path);
            positions.delete(path);
            if (info !== null) {
              const file: LogFile = { ...entry.file, size: info.size, ino: info.ino };
              await follow(file, true);
              const fresh = followed.get(path);
              if (fresh !== undefined && (await readNew(fresh, info.size, events))) more = true;
            }
            continue;
          }
          if (await readNew(entry, info.size, events)) more = true;
        } catch (error) {
          problems.push(`${entry.file.name} cannot be read (${codeOf(error)}); it is read again next time.`);
        }
      }
      for (const [path, entry] of followed)
        positions.set(path, { offset: entry.offset, ino: entry.ino, signature: entry.signature });
      const text = JSON.stringify(Object.fromEntries(positions));
      if (text !== lastSaved) {
        await options.state.save(text);
        lastSaved = text;
      }
      // Lines of several files merged on the instant; a line without a time stays after the one before it.
      const ordered = (events as (NodeEvent & { key: number })[])
        .map((event, index) => ({ event, index }))
        .sort((a, b) => a.event.key - b.event.key || a.index - b.index);
      return { events: ordered.map(({ event }) => ({ event: event.event, node: event.node })), problems, more };
    },
  };
}

function sameFile(known: Position, ino: number, signature: string): boolean {
  if (known.ino !== 0 && ino !== 0) return known.ino === ino;
  const shorter = Math.min(known.signature.length, signature.length);
  return known.signature.slice(0, shorter) === signature.slice(0, shorter);
}

function rolled(entry: Followed, info: { size: number; ino: number }): boolean {
  if (info.size < entry.offset) return true;
  return entry.ino !== 0 && info.ino !== 0 && info.ino !== entry.ino;
}

/** Where the share has no file ids, a changed first line tells a new file. */
async function signatureChanged(entry: Followed, info: { size: number; ino: number }): Promise<boolean> {
  if (entry.ino !== 0 && info.ino !== 0) return false;
  if (info.size === entry.offset) return false;
  const head = await readRange(entry.file.path, 0, SIGNATURE_BYTES);
  const now = head.toString('hex');
  if (entry.signature.length < SIGNATURE_BYTES * 2 && now.startsWith(entry.signature)) {
    entry.signature = now;
    return false;
  }
  return now !== entry.signature;
}

function parsePositions(text: string | undefined): Record<string, Position> | null {
  if (text === undefined) return null;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return null;
    const positions: Record<string, Position> = {};
    for (const [path, raw] of Object.entries(value as Record<string, unknown>)) {
      const position = raw as Partial<Position>;
      if (
        typeof position.offset === 'number' &&
        typeof position.ino === 'number' &&
        typeof position.signature === 'string'
      ) {
        positions[path] = { offset: position.offset, ino: position.ino, signature: position.signature };
      }
    }
    return positions;
  } catch {
    // A damaged state file is read as a first start: the last minutes only, never the whole history.
    return null;
  }
}
