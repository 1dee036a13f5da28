import { Buffer } from 'node:buffer';
import { Gunzip } from 'fflate';
import { DamagedInputError } from './damaged-input-error.js';
import type { LogInput } from './log-input.js';

/** Inflated bytes read over all inputs of one analysis; past the cap the rest of an input is not read. */
export interface ByteBudget {
  remaining: number;
  /** Inputs cut short by the cap, for the reply. */
  readonly capped: string[];
}

export function byteBudget(maxBytes: number): ByteBudget {
  return { remaining: maxBytes, capped: [] };
}

type Chunk = Uint8Array | string;

function bytesOf(chunk: Chunk): Uint8Array {
  return typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
}

export function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x1f && bytes[1] === 0x8b;
}

export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** UTF-16 by its BOM, or without one by the zero bytes every other byte of ASCII text has. */
function utf16Of(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const probe = Math.min(bytes.length, 64) & ~1;
  if (probe < 8) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let index = 0; index < probe; index += 2) {
    if (bytes[index] === 0) evenZero++;
    if (bytes[index + 1] === 0) oddZero++;
  }
  const pairs = probe / 2;
  if (oddZero >= pairs * 0.9 && evenZero === 0) return 'utf-16le';
  if (evenZero >= pairs * 0.9 && oddZero === 0) return 'utf-16be';
  return null;
}

/** What the reply says of gzip data fflate cannot inflate (a bad block, or the stream ending before its last one). */
export const DAMAGED_GZIP = 'it is gzip data that is damaged or cut short';

/**
 * A gzip stream inflated chunk by chunk (several members one after another, as `cat a.gz b.gz` makes). Where the
 * data stops inflating, what came out before is given and then DamagedInputError: the input ends there.
 */
async function* gunzipped(first: Uint8Array, rest: AsyncIterator<Chunk> | Iterator<Chunk>): AsyncGenerator<Uint8Array> {
  const out: Uint8Array[] = [];
  const gunzip = new Gunzip((data) => {
    if (data.length > 0) out.push(data);
  });
  let damaged = false;
  const push = (bytes: Uint8Array, final: boolean): void => {
    try {
      gunzip.push(bytes, final);
    } catch {
      damaged = true;
    }
  };
  // fflate keeps a chunk it cannot use yet (a gzip header cut short) until the next push, and a file's reader may
  // reuse its buffer by then: it gets copies (`new Uint8Array`; a Buffer's `slice` would be a view).
  push(new Uint8Array(first), false);
  while (!damaged) {
    while (out.length > 0) yield out.shift() as Uint8Array;
    const next = await rest.next();
    if (next.done === true) break;
    push(new Uint8Array(bytesOf(next.value)), false);
  }
  if (!damaged) push(new Uint8Array(0), true);
  while (out.length > 0) yield out.shift() as Uint8Array;
  if (damaged) throw new DamagedInputError(DAMAGED_GZIP);
}

/** UTF-16 text re-encoded as UTF-8 as it streams; BOMs in the middle (files joined with `copy /b`) pass as U+FEFF. */
async function* fromUtf16(
  encoding: 'utf-16le' | 'utf-16be',
  source: AsyncIterable<Uint8Array>,
): AsyncGenerator<Uint8Array> {
  const decoder = new TextDecoder(encoding, { ignoreBOM: true });
  for await (const chunk of source) {
    const text = decoder.decode(chunk, { stream: true });
    if (text !== '') yield Buffer.from(text, 'utf8');
  }
  const rest = decoder.decode();
  if (rest !== '') yield Buffer.from(rest, 'utf8');
}

async function* prepended(first: Uint8Array, rest: AsyncIterator<Chunk> | Iterator<Chunk>): AsyncGenerator<Uint8Array> {
  yield first;
  for (;;) {
    const next = await rest.next();
    if (next.done === true) return;
    yield bytesOf(next.value);
  }
}

async function* capped(
  name: string,
  source: AsyncIterable<Uint8Array>,
  budget: ByteBudget | undefined,
): AsyncGenerator<Uint8Array> {
  for await (const chunk of source) {
    if (budget === undefined) {
      yield chunk;
      continue;
    }
    if (budget.remaining <= 0) {
      budget.capped.push(name);
      return;
    }
    const take = Math.min(chunk.length, budget.remaining);
    budget.remaining -= take;
    yield take === chunk.length ? chunk : chunk.subarray(0, take);
  }
}

export function chunkIterator(input: LogInput): AsyncIterator<Chunk> | Iterator<Chunk> {
  const chunks = input.chunks;
  return Symbol.asyncIterator in chunks ? chunks[Symbol.asyncIterator]() : chunks[Symbol.iterator]();
}

/**
 * The bytes of one input as UTF-8, however they came: gzip inflated on the fly, UTF-16 (LE or BE, with a BOM or
 * not) re-encoded; UTF-8 with or without BOM and Windows-1252 pass as they are (the line reader tells them apart
 * line by line). Streams: a chunk at a time, whatever the input's size; the budget caps the inflated bytes.
 */
export async function* logBytes(input: LogInput, budget?: ByteBudget): AsyncGenerator<Uint8Array> {
  const rest = chunkIterator(input);
  try {
    let first: Uint8Array | null = null;
    while (first === null) {
      const next = await rest.next();
      if (next.done === true) return;
      const bytes = bytesOf(next.value);
      if (bytes.length > 0) first = bytes;
    }
    let source: AsyncIterable<Uint8Array> = isGzip(first) ? gunzipped(first, rest) : prepended(first, rest);
    const iterator = source[Symbol.asyncIterator]();
    const head = await iterator.next();
    if (head.done === true) return;
    const encoding = utf16Of(head.value);
    source = prepended(head.value, iterator);
    if (encoding !== null) source = fromUtf16(encoding, source);
    yield* capped(input.name, source, budget);
  } finally {
    await rest.return?.();
  }
}
