import { EventQueue } from './event-queue.js';
import { LineScanner } from './line-scanner.js';
import type { LogEvent } from './log-event.js';
import type { LogInput } from './log-input.js';
import type { LogLayoutName } from './log-layout.js';
import { newLineContext, parseLogLine, type LineContext } from './parse-log-line.js';
import { rolloverSeries } from './rollover-series.js';

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

function looksBinary(chunk: Uint8Array | string): boolean {
  if (typeof chunk === 'string') return chunk.slice(0, BINARY_PROBE_BYTES).includes('\u0000');
  const probe = chunk.subarray(0, BINARY_PROBE_BYTES);
  return probe.includes(0);
}

type Chunks = Iterator<Uint8Array | string> | AsyncIterator<Uint8Array | string>;

function iteratorOf(input: LogInput): Chunks {
  const chunks = input.chunks;
  return Symbol.asyncIterator in chunks ? chunks[Symbol.asyncIterator]() : chunks[Symbol.iterator]();
}

/** One input being read: its chunk iterator, its line scanner and what its header said. */
interface OpenInput {
  readonly input: LogInput;
  readonly index: number;
  readonly chunks: Chunks;
  readonly scanner: LineScanner;
  readonly context: LineContext;
  first: boolean;
  engineFrom: number;
  /** The chunk being scanned slice by slice, and how far. */
  chunk: Uint8Array | null;
  offset: number;
}

/** Inputs read one after another as one time-ordered stream (a rollover series, or several beyond the cap). */
interface Lane {
  readonly inputs: readonly { readonly input: LogInput; readonly index: number }[];
  next: number;
  open: OpenInput | null;
  /** The latest instant this lane has reached; events of other lanes before it minus the window can go out. */
  high: number;
  done: boolean;
  readonly events: EventQueue;
}

/**
 * Streams every input line by line and emits the events of the lines that matter in time order: all inputs are
 * read at once, always advancing the one that lags most, and their events are merged on the instant. Memory is one
 * chunk per open input plus the events within the reorder window; nothing is held whole.
 */
export async function readLogInputs(
  inputs: Iterable<LogInput> | AsyncIterable<LogInput>,
  emit: (event: LogEvent) => void,
): Promise<InputStats> {
  const stats: InputStats = { lines: 0, recognized: 0, formats: new Set(), binaryInputs: [], inputNames: [], maxQueuedEvents: 0 };
  const list: LogInput[] = [];
  for await (const input of inputs) list.push(input);
  const indexOf = new Map(list.map((input, index) => [input, index]));
  stats.inputNames.push(...list.map((input) => input.name));
  const series = rolloverSeries(list);
  const laneCount = Math.min(series.length, MAX_OPEN_SERIES);
  const lanes: Lane[] = Array.from({ length: laneCount }, () => ({ inputs: [], next: 0, open: null, high: Number.NEGATIVE_INFINITY, done: false, events: new EventQueue() }));
  series.forEach((members, index) => {
    const lane = lanes[index % laneCount] as Lane;
    (lane.inputs as { input: LogInput; index: number }[]).push(...members.map((input) => ({ input, index: indexOf.get(input) ?? 0 })));
  });
  let queued = 0;
  const binary: { index: number; name: string }[] = [];

  const opener = (lane: Lane): OpenInput => {
    const member = lane.inputs[lane.next++] as { input: LogInput; index: number };
    const context = newLineContext();
    const push = (event: LogEvent): void => {
      let key: number;
      if (event.kind === 'reload') key = event.stop;
      else if (event.kind === 'service-user') key = lane.high;
      else key = event.at;
      if (Number.isNaN(key)) key = lane.high;
      else if (key > lane.high) lane.high = key;
      lane.events.push(key, event);
      if (++queued > stats.maxQueuedEvents) stats.maxQueuedEvents = queued;
    };
    const open: OpenInput = {
      input: member.input,
      index: member.index,
      chunks: iteratorOf(member.input),
      context,
      first: true,
      engineFrom: -1,
      chunk: null,
      offset: 0,
      scanner: new LineScanner((line) => {
        const outcome = parseLogLine(line, context, push);
        if (outcome === null) return;
        stats.recognized++;
        if (outcome === 'header' && context.header?.name === 'Session_Engine' && member.input.name.includes('Session_Engine')) {
          // Engine sessions never count towards the limit: the rest of an engine log file is counted, not read.
          stats.formats.add('Session_Engine');
          open.scanner.countOnly = true;
          open.engineFrom = open.scanner.lines - open.scanner.blank;
        }
        // A header alone does not tell AuditSecurity_Proxy from AuditSecurity_Repository: its rows name the layout.
        if (outcome !== 'header') stats.formats.add(outcome);
      }),
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
      if (lane.next >= lane.inputs.length) {
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
    const result = await open.chunks.next();
    if (result.done === true) {
      finish(lane, open, true);
      return;
    }
    const chunk = result.value;
    if (open.first && chunk.length > 0) {
      open.first = false;
      if (looksBinary(chunk)) {
        binary.push({ index: open.index, name: open.input.name });
        await open.chunks.return?.();
        finish(lane, open, false);
        return;
      }
    }
    if (typeof chunk === 'string' || chunk.length <= SLICE_BYTES) open.scanner.push(chunk);
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
  return stats;

  /** Emits, oldest first across the lanes, every event up to `safe`. */
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
      emit(oldest.shift());
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
