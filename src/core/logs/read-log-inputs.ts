import { Buffer } from 'node:buffer';
import { EventQueue } from './event-queue.js';
import { DamagedInputError } from './damaged-input-error.js';
import { EventDedup } from './event-dedup.js';
import { InternedNames } from './interned-names.js';
import { LineScanner } from './line-scanner.js';
import { byteBudget, chunkIterator, isZip, logBytes, type ByteBudget } from './log-bytes.js';
import type { LogEvent } from './log-event.js';
import { isArchiveName, isLogFileName, parseLogFileName, seriesKeyOf } from './log-file-name.js';
import type { LogInput } from './log-input.js';
import type { LogLayoutName } from './log-layout.js';
import { newLineContext, parseLogLine, type LineOutcome } from './parse-log-line.js';
import { readRowInPlace } from './read-row-in-place.js';
import { memorySpill, type Spill, type SpillFactory } from './spill.js';
import { zipFileInputs, zipLogInputs, type ZipContents } from './zip-log-inputs.js';

/** What reading the inputs found, besides the events. */
export interface InputStats {
  lines: number;
  recognized: number;
  readonly formats: Set<LogLayoutName>;
  /** Names of inputs that were binary, not text logs: reported, never parsed. */
  readonly binaryInputs: string[];
  readonly inputNames: string[];
  /** The most events held at once for the merge: bounded by the reorder window, not by the input. */
  maxQueuedEvents: number;
  /** Inputs cut short because the inflated bytes reached the cap. */
  readonly cappedInputs: string[];
  /** Files inside archives that are not logs (JSON, ini, ...): passed over quietly. */
  readonly passedOver: string[];
  /** Archives that could not be read, with the reason. */
  readonly unreadableArchives: { readonly name: string; readonly problem: string }[];
  /**
   * Inputs read up to where their bytes stopped making sense (gzip damaged or cut short), with the reason; or, when
   * `unreadable`, not read at all (a zip entry another archiver compressed, or encrypted).
   */
  readonly damagedInputs: { readonly name: string; readonly problem: string; readonly unreadable: boolean }[];
  /** Inputs whose lines came as several time-ordered runs (concatenated files, several pastes), merged on the instant. */
  readonly reordered: string[];
}

export interface ReadOptions {
  /** Inflated bytes read at most over all inputs, archives included (Slack's file cap); unlimited by default. */
  readonly maxBytes?: number;
  /** Called before the events are given again from the start: an input's lines came out of time order. */
  readonly restart?: () => void;
  /** Keeps the bytes of inputs that can be read only once (stdin) for that second reading; in memory by default. */
  readonly spill?: SpillFactory;
}

const BINARY_PROBE_BYTES = 4096;
/** Lines of one file may be this much out of time order (threads writing at once); later ones wait this long. */
export const REORDER_WINDOW_MS = 5_000;
/**
 * Series read at once (one open file each). Beyond this, series share a stream and are read one after another:
 * their events then reach the tracker out of time order and the figures become approximate, so this is generous.
 */
export const MAX_OPEN_SERIES = 64;
/**
 * Chunks are scanned in slices of this size, the lane that lags most going next: the events waiting for the other
 * lanes stay few (and die young, which the garbage collector likes), whatever chunk size the source reads.
 */
const SLICE_BYTES = 64 * 1024;

/** One thing to read in a pass: its decoded UTF-8 bytes, opened afresh each time. */
interface Source {
  readonly name: string;
  readonly seriesKey: string;
  readonly open: (budget: ByteBudget | undefined) => AsyncIterator<Uint8Array>;
  /** Only the bytes `[from, to)` of the decoded stream (a run of lines in time order). */
  readonly from: number;
  readonly to: number;
  readonly decodeAll: boolean;
  /** Bytes kept for a second reading, for inputs that can be read only once. */
  readonly spill: Spill | null;
}

function reopenable(input: LogInput): boolean {
  return Array.isArray(input.chunks) || input.reopenable === true;
}

function looksBinary(chunk: Uint8Array): boolean {
  return chunk.subarray(0, BINARY_PROBE_BYTES).includes(0);
}

/** An input whose first chunk was read to look at it, with that chunk given again first. */
function withFirst(
  input: LogInput,
  first: Uint8Array | string,
  rest: AsyncIterator<Uint8Array | string> | Iterator<Uint8Array | string>,
): LogInput {
  let used = false;
  return {
    name: input.name,
    chunks: {
      [Symbol.asyncIterator]: () => ({
        next: async () => {
          if (!used) {
            used = true;
            return { done: false, value: first };
          }
          return rest.next();
        },
        return: async () => {
          await rest.return?.();
          return { done: true, value: undefined };
        },
      }),
    },
  };
}

/** Zip archives become their log files; everything else stays itself. Looks inside only what may be an archive. */
async function expand(input: LogInput, stats: InputStats, maxBytes: number): Promise<LogInput[]> {
  const named = isArchiveName(input.name);
  if (!named && isLogFileName(input.name) && reopenable(input)) return [input];
  if (input.ranges !== undefined && isZip(await input.ranges.read(0, 4))) {
    const size = await input.ranges.size();
    if (size > maxBytes) return tooLarge(input, stats, maxBytes);
    return archived(await zipFileInputs(input.ranges, input.name), input, stats);
  }
  const rest = chunkIterator(input);
  let first = await rest.next();
  while (first.done !== true && first.value.length === 0) first = await rest.next();
  if (first.done === true) return [input];
  const head = typeof first.value === 'string' ? Buffer.from(first.value.slice(0, 4), 'utf8') : first.value;
  if (!isZip(head)) {
    if (reopenable(input)) {
      await rest.return?.();
      return [input];
    }
    return [withFirst(input, first.value, rest)];
  }
  // Copies: a file's reader may reuse one buffer for every chunk.
  const parts: Uint8Array[] = [Buffer.from(first.value)];
  let size = parts[0]?.length ?? 0;
  for (let next = await rest.next(); next.done !== true; next = await rest.next()) {
    const bytes = Buffer.from(next.value);
    size += bytes.length;
    if (size > maxBytes) {
      await rest.return?.();
      return tooLarge(input, stats, maxBytes);
    }
    parts.push(bytes);
  }
  return archived(zipLogInputs(Buffer.concat(parts), input.name), input, stats);
}

function tooLarge(input: LogInput, stats: InputStats, maxBytes: number): LogInput[] {
  stats.unreadableArchives.push({
    name: input.name,
    problem: `it is larger than ${Math.round(maxBytes / 1048576)} MB`,
  });
  return [];
}

/** The log files of an archive, its problem and what it passed over noted for the reply. */
function archived(contents: ZipContents, input: LogInput, stats: InputStats): LogInput[] {
  if (contents.problem !== null) stats.unreadableArchives.push({ name: input.name, problem: contents.problem });
  stats.passedOver.push(...contents.passedOver.map((name) => `${input.name}/${name}`));
  return contents.inputs.map((entry) => ({ ...entry, reopenable: true }));
}

/** The decoded bytes of a source from `from` to `to`: earlier ones are skipped, the rest left unread. */
async function* ranged(iterator: AsyncIterator<Uint8Array>, from: number, to: number): AsyncGenerator<Uint8Array> {
  let offset = 0;
  try {
    for (let next = await iterator.next(); next.done !== true && offset < to; next = await iterator.next()) {
      const chunk = next.value;
      const start = Math.max(0, from - offset);
      const end = Math.min(chunk.length, to - offset);
      offset += chunk.length;
      if (start < end) yield chunk.subarray(start, end);
    }
  } finally {
    await iterator.return?.();
  }
}

/** Archived files of one log share a series with at most one live file; anything else is a series of its own. */
function seriesKeys(inputs: readonly LogInput[]): string[] {
  const live = new Set<string>();
  return inputs.map((input, index) => {
    const key = seriesKeyOf(input.name);
    if ((parseLogFileName(input.name)?.archivedAt ?? null) !== null) return key;
    if (live.has(key) || key.startsWith('\u0000')) return `\u0000${index}`;
    live.add(key);
    return key;
  });
}

function firstSources(inputs: readonly LogInput[], spill: SpillFactory): Source[] {
  const keys = seriesKeys(inputs);
  return inputs.map((input, index) => {
    const once = !reopenable(input);
    return {
      name: input.name,
      seriesKey: keys[index] as string,
      open: (budget) => logBytes(input, budget),
      from: 0,
      to: Number.POSITIVE_INFINITY,
      decodeAll: Array.isArray(input.chunks),
      spill: once ? spill() : null,
    };
  });
}

/** The runs of each source as sources of their own, read again from the source or from what was spilled of it. */
function secondSources(sources: readonly Source[], cuts: readonly (readonly number[])[]): Source[] {
  return sources.flatMap((source, index) => {
    const points = cuts[index] ?? [];
    const spill = source.spill;
    const edges = [0, ...points, Number.POSITIVE_INFINITY];
    return edges.slice(0, -1).map((from, run) => ({
      name: source.name,
      seriesKey: points.length === 0 ? source.seriesKey : `${source.seriesKey}\u0000${run}`,
      // What was spilled is read from where the run starts; an input itself is decoded again from its start.
      open: (budget: ByteBudget | undefined) => {
        const to = edges[run + 1] as number;
        const chunks =
          spill === null
            ? ranged(source.open(budget), from, to)
            : ranged(spill.chunks(from)[Symbol.asyncIterator](), 0, to - from);
        return chunks[Symbol.asyncIterator]();
      },
      from,
      to: edges[run + 1] as number,
      decodeAll: source.decodeAll,
      spill: null,
    }));
  });
}

/**
 * Streams every input line by line and emits the events of the lines that matter in time order: all inputs are
 * read at once, always advancing the one that lags most, and their events are merged on the instant. Zip archives
 * are read as folders, gzip and UTF-16 decoded on the fly. An input whose lines come as several runs in time order
 * (files concatenated in any order, several pastes) is found out while it is read; its runs are then read again
 * side by side (inputs read only once, like stdin, from what was spilled of them) and the events given afresh after
 * `restart`. The same line given twice counts once. Memory is one chunk per open input plus the events within the
 * reorder window; nothing is held whole.
 */
export async function readLogInputs(
  inputs: Iterable<LogInput> | AsyncIterable<LogInput>,
  emit: (event: LogEvent) => void,
  options: ReadOptions = {},
): Promise<InputStats> {
  const maxBytes = options.maxBytes ?? Number.POSITIVE_INFINITY;
  const stats = newStats();
  const given: LogInput[] = [];
  for await (const input of inputs) given.push(input);
  const expanded: LogInput[] = [];
  for (const input of given) expanded.push(...(await expand(input, stats, maxBytes)));
  const sources = firstSources(expanded, options.spill ?? memorySpill);
  const first = await readPass(sources, emit, maxBytes, options.restart !== undefined);
  if (options.restart === undefined || first.cuts.every((cuts) => cuts.length === 0)) return merged(stats, first.stats);
  options.restart();
  const second = await readPass(secondSources(sources, first.cuts), emit, maxBytes, false);
  for (const [index, cuts] of first.cuts.entries())
    if (cuts.length > 0) second.stats.reordered.push(sources[index]?.name ?? '');
  // Read again from what was spilled of it, a damaged input read only once ends before its damage this time.
  for (const damaged of first.stats.damagedInputs)
    if (!second.stats.damagedInputs.some((again) => again.name === damaged.name))
      second.stats.damagedInputs.push(damaged);
  return merged(stats, second.stats);
}

function newStats(): InputStats {
  return {
    lines: 0,
    recognized: 0,
    formats: new Set(),
    binaryInputs: [],
    inputNames: [],
    maxQueuedEvents: 0,
    cappedInputs: [],
    passedOver: [],
    unreadableArchives: [],
    damagedInputs: [],
    reordered: [],
  };
}

function merged(outer: InputStats, pass: InputStats): InputStats {
  return { ...pass, passedOver: outer.passedOver, unreadableArchives: outer.unreadableArchives };
}

/** One input being read: its chunk iterator, its line scanner and where its runs in time order begin. */
interface OpenInput {
  readonly source: Source;
  readonly index: number;
  readonly chunks: AsyncIterator<Uint8Array>;
  readonly scanner: LineScanner;
  first: boolean;
  engineFrom: number;
  /** The chunk being scanned slice by slice, and how far. */
  chunk: Uint8Array | null;
  offset: number;
}

/** Inputs read one after another as one time-ordered stream (a rollover series, or several beyond the cap). */
interface Lane {
  readonly members: number[];
  next: number;
  open: OpenInput | null;
  /** The latest instant this lane has reached; events of other lanes before it minus the window can go out. */
  high: number;
  done: boolean;
  readonly events: EventQueue;
}

async function readPass(
  sources: readonly Source[],
  emit: (event: LogEvent) => void,
  maxBytes: number,
  findRuns: boolean,
): Promise<{ stats: InputStats; cuts: number[][] }> {
  const stats = newStats();
  const budget = Number.isFinite(maxBytes) ? byteBudget(maxBytes) : undefined;
  const seen = new Set<string>();
  for (const source of sources) {
    if (!seen.has(source.name)) stats.inputNames.push(source.name);
    seen.add(source.name);
  }
  const cuts: number[][] = sources.map(() => []);
  const series = new Map<string, number[]>();
  sources.forEach((source, index) => {
    const members = series.get(source.seriesKey);
    if (members === undefined) series.set(source.seriesKey, [index]);
    else members.push(index);
  });
  const groups = [...series.values()].map((members) => orderedByRollover(members, sources));
  const laneCount = Math.min(groups.length, MAX_OPEN_SERIES);
  const lanes: Lane[] = Array.from({ length: laneCount }, () => ({
    members: [],
    next: 0,
    open: null,
    high: Number.NEGATIVE_INFINITY,
    done: false,
    events: new EventQueue(),
  }));
  groups.forEach((members, index) => (lanes[index % laneCount] as Lane).members.push(...members));
  const dedup = new EventDedup();
  /**
   * Set at the first cut: the inputs are read again from the start in runs, so what this reading would emit from
   * here on is thrown away. It only finds the rest of the cuts: tracking the events as well cost as much again, and
   * a tracker fed the later runs' sessions out of time order held them all (their ends had gone by), so memory grew
   * with the input.
   */
  let discarding = false;
  // One table for every input: its typed arrays are 200 KB, and a folder of archived logs has thousands of files.
  const names = new InternedNames();
  let queued = 0;
  const binary: { index: number; name: string }[] = [];

  const opener = (lane: Lane): OpenInput => {
    const index = lane.members[lane.next++] as number;
    const source = sources[index] as Source;
    const context = newLineContext(names);
    let runHigh = Number.NEGATIVE_INFINITY;
    let rows = 0;
    const cut = (at: number): void => {
      const list = cuts[index] as number[];
      if (at > 0 && list[list.length - 1] !== at) {
        list.push(at);
        discarding = true;
      }
    };
    const push = (event: LogEvent): void => {
      let key: number;
      if (event.kind === 'reload') key = event.stop;
      else if (event.kind === 'service-user') key = lane.high;
      else key = event.at;
      if (Number.isNaN(key)) key = lane.high;
      else {
        if (findRuns && event.kind !== 'service-user') {
          // Time going back beyond the window: a new run of lines begins here (another file, another paste).
          if (key < runHigh - REORDER_WINDOW_MS) cut(open.scanner.lineOffset + source.from);
          if (key > runHigh || key < runHigh - REORDER_WINDOW_MS) runHigh = key;
        }
        if (key > lane.high) lane.high = key;
      }
      lane.events.push(key, event);
      if (++queued > stats.maxQueuedEvents) stats.maxQueuedEvents = queued;
    };
    const open: OpenInput = {
      source,
      index,
      chunks: source.open(budget),
      first: true,
      engineFrom: -1,
      chunk: null,
      offset: 0,
      scanner: new LineScanner((line) => onOutcome(parseLogLine(line, context, push))),
    };
    function onOutcome(outcome: LineOutcome): void {
      if (outcome === null) return;
      stats.recognized++;
      if (outcome === 'header') {
        // A header after rows: another file joined on (`copy /b`, `cat`), read as a run of its own.
        if (findRuns && rows > 0) cut(open.scanner.lineOffset + source.from);
        runHigh = Number.NEGATIVE_INFINITY;
        const name = context.header?.name;
        open.scanner.decodeAll = source.decodeAll || name === 'System_Proxy' || name === 'Service_Proxy';
        // A System log (System_Repository's has the same header) is mostly rows that say nothing: read in place.
        open.scanner.offerAll = !source.decodeAll && name === 'System_Proxy';
        if (name === 'Session_Engine' && source.name.includes('Session_Engine')) {
          // Engine sessions never count towards the limit: the rest of an engine log file is counted, not read.
          stats.formats.add('Session_Engine');
          open.scanner.countOnly = true;
          open.engineFrom = open.scanner.lines - open.scanner.blank;
        }
        return;
      }
      rows++;
      // A header alone does not tell AuditSecurity_Proxy from AuditSecurity_Repository: its rows name the layout.
      stats.formats.add(outcome);
    }
    open.scanner.decodeAll = source.decodeAll;
    open.scanner.onRow = (bytes, textFrom, text, start, end) => {
      const outcome = readRowInPlace(bytes, textFrom, text, start, end, context, push);
      if (outcome === undefined) return false;
      onOutcome(outcome);
      return true;
    };
    return open;
  };

  const finish = (lane: Lane, open: OpenInput, readToEnd: boolean): void => {
    if (readToEnd) open.scanner.end();
    stats.lines += open.scanner.lines - open.scanner.blank;
    if (open.engineFrom !== -1) stats.recognized += open.scanner.lines - open.scanner.blank - open.engineFrom;
    lane.open = null;
  };

  /** Reads one chunk of the lane (opening its next input first when needed). */
  const step = async (lane: Lane): Promise<void> => {
    if (lane.open === null) {
      if (lane.next >= lane.members.length) {
        lane.done = true;
        return;
      }
      lane.open = opener(lane);
    }
    const open = lane.open;
    if (open.chunk !== null) {
      const end = Math.min(open.chunk.length, open.offset + SLICE_BYTES);
      open.scanner.push(open.chunk.subarray(open.offset, end));
      open.offset = end;
      if (end === open.chunk.length) open.chunk = null;
      return;
    }
    let result: IteratorResult<Uint8Array>;
    try {
      result = await open.chunks.next();
    } catch (error) {
      if (!(error instanceof DamagedInputError)) throw error;
      // The lines before the damage count; the input ends there and the reply says so (once, whatever its runs).
      if (!stats.damagedInputs.some((damaged) => damaged.name === open.source.name))
        stats.damagedInputs.push({ name: open.source.name, problem: error.problem, unreadable: error.unreadable });
      finish(lane, open, true);
      return;
    }
    if (result.done === true) {
      finish(lane, open, true);
      return;
    }
    const chunk = result.value;
    if (open.source.spill !== null) await open.source.spill.write(chunk);
    if (open.first && chunk.length > 0) {
      open.first = false;
      if (looksBinary(chunk)) {
        binary.push({ index: open.index, name: open.source.name });
        await open.chunks.return?.();
        finish(lane, open, false);
        return;
      }
    }
    if (chunk.length <= SLICE_BYTES) open.scanner.push(chunk);
    else {
      open.chunk = chunk;
      open.offset = 0;
    }
  };

  try {
    await mergeLanes();
  } catch (error) {
    // One unreadable input ends the analysis: close the files still open before passing the error on.
    await Promise.allSettled(lanes.map((lane) => lane.open?.chunks.return?.()));
    throw error;
  }
  stats.binaryInputs.push(...binary.sort((a, b) => a.index - b.index).map((entry) => entry.name));
  if (budget !== undefined) stats.cappedInputs.push(...new Set(budget.capped));
  return { stats, cuts };

  /** Emits, oldest first across the lanes, every event up to `safe`; the same event twice at one instant once. */
  function release(safe: number): void {
    for (;;) {
      let oldest: EventQueue | null = null;
      let key = safe;
      let rank = 3;
      for (const lane of lanes) {
        const events = lane.events;
        const head = events.peekKey();
        if (head < key || (head === key && events.size > 0 && events.peekRank() < rank)) {
          oldest = events;
          key = head;
          rank = events.peekRank();
        }
      }
      if (oldest === null) return;
      queued--;
      const event = oldest.shift();
      if (!discarding && !dedup.isRepeat(key, event)) emit(event);
    }
  }

  async function mergeLanes(): Promise<void> {
    for (;;) {
      let laggard: Lane | null = null;
      let safe = Number.POSITIVE_INFINITY;
      for (const lane of lanes) {
        if (lane.done) continue;
        if (laggard === null || lane.high < laggard.high) laggard = lane;
        if (lane.high - REORDER_WINDOW_MS < safe) safe = lane.high - REORDER_WINDOW_MS;
      }
      release(safe);
      if (laggard === null) break;
      await step(laggard);
    }
  }
}

/** The members of one series in rollover order: archived files by their instant, the live file last. */
function orderedByRollover(members: number[], sources: readonly Source[]): number[] {
  const instant = (index: number): number =>
    parseLogFileName(sources[index]?.name ?? '')?.archivedAt ?? Number.POSITIVE_INFINITY;
  return [...members].sort(
    (a, b) =>
      (instant(a) < instant(b) ? -1 : instant(a) > instant(b) ? 1 : 0) ||
      (sources[a]?.from ?? 0) - (sources[b]?.from ?? 0) ||
      a - b,
  );
}
