import { Buffer } from 'node:buffer';
import { pipeline, Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { logFileKind, zipLogInputs, type LogInput } from '../core/logs/index.js';
import type { AttachedFile } from './incoming-message.js';

/** Why an attached file was not analysed; the reply says how to send it instead. */
export type FileProblem =
  | { readonly code: 'too-large'; readonly name: string; readonly limitBytes: number }
  | { readonly code: 'too-large-unzipped'; readonly name: string; readonly limitBytes: number }
  | { readonly code: 'binary'; readonly name: string }
  | { readonly code: 'archive-unreadable'; readonly name: string; readonly reason: string }
  | { readonly code: 'archive-without-logs'; readonly name: string; readonly held: readonly string[] }
  | { readonly code: 'unreadable'; readonly name: string; readonly message: string };

/**
 * An attached file as log inputs: itself (inflated when gzip), or the log files of a `.zip` archive; cut off at the
 * size cap (counted after inflating) or at binary content, with the reason kept.
 */
export interface GuardedFile {
  readonly name: string;
  /** The inputs, listed when iterated: a `.zip` is then read whole (within the cap) to list its log files. */
  inputs(): AsyncGenerator<LogInput>;
  /** Known once the inputs' chunks have been consumed (or at once when the declared size is over the cap). */
  problem(): FileProblem | null;
}

/** A file or a pasted text, as the bot hands them to the analysis. */
export type GuardedSource = LogInput | GuardedFile;

const isGzip = (bytes: Uint8Array) => bytes[0] === 0x1f && bytes[1] === 0x8b;
const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
// Text logs never contain NUL; images, executables, Office files and UTF-16 text do.
const looksBinary = (bytes: Uint8Array) => bytes.subarray(0, 8192).includes(0);

async function* prepend(first: Uint8Array, rest: AsyncIterator<Uint8Array>): AsyncGenerator<Uint8Array> {
  yield first;
  for (let next = await rest.next(); next.done !== true; next = await rest.next()) yield next.value;
}

function gunzip(source: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
  // pipeline forwards a read error of the source to the gunzip stream, so iterating it rejects instead of hanging.
  return pipeline(Readable.from(source), createGunzip(), () => undefined) as AsyncIterable<Uint8Array>;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function guardFile(file: AttachedFile, limitBytes: number): GuardedFile {
  let problem: FileProblem | null =
    file.size !== null && file.size > limitBytes ? { code: 'too-large', name: file.name, limitBytes } : null;
  const unreadable = (error: unknown) => {
    problem = { code: 'unreadable', name: file.name, message: messageOf(error) };
  };

  async function* text(): AsyncGenerator<Uint8Array> {
    if (problem !== null) return;
    try {
      const raw = file.open()[Symbol.asyncIterator]();
      const first = await raw.next();
      if (first.done === true) return;
      if (isZip(first.value)) {
        // Its log files would have to be listed before the analysis starts, which only the name tells in time.
        problem = { code: 'archive-unreadable', name: file.name, reason: 'it is a zip archive without the .zip name' };
        await raw.return?.();
        return;
      }
      const joined = prepend(first.value, raw);
      const source = isGzip(first.value) ? gunzip(joined) : joined;
      let total = 0;
      let checked = false;
      for await (const chunk of source) {
        const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
        if (!checked) {
          checked = true;
          if (looksBinary(bytes)) {
            problem = { code: 'binary', name: file.name };
            return;
          }
        }
        total += bytes.byteLength;
        if (total > limitBytes) {
          problem = { code: 'too-large', name: file.name, limitBytes };
          return;
        }
        yield bytes;
      }
    } catch (error) {
      unreadable(error);
    }
  }

  /** The log files of a zip, their inflated bytes counted together against the cap (a zip bomb stops there). */
  async function* zipped(): AsyncGenerator<LogInput> {
    const raw = file.open()[Symbol.asyncIterator]();
    const parts: Uint8Array[] = [];
    let size = 0;
    for (let next = await raw.next(); next.done !== true; next = await raw.next()) {
      size += next.value.byteLength;
      if (size > limitBytes) {
        problem = { code: 'too-large', name: file.name, limitBytes };
        await raw.return?.();
        return;
      }
      parts.push(next.value);
    }
    const contents = zipLogInputs(Buffer.concat(parts), file.name);
    if (contents.problem !== null) {
      problem = { code: 'archive-unreadable', name: file.name, reason: contents.problem };
      return;
    }
    if (contents.inputs.length === 0) {
      problem = { code: 'archive-without-logs', name: file.name, held: contents.passedOver };
      return;
    }
    // An entry may be read twice (lines out of time order); only its longest reading counts towards the cap.
    const counted = new Map<string, number>();
    let total = 0;
    function* capped(entry: LogInput): Generator<Uint8Array | string> {
      let read = 0;
      for (const chunk of entry.chunks as Iterable<Uint8Array | string>) {
        if (problem !== null) return;
        read += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength;
        const before = counted.get(entry.name) ?? 0;
        if (read > before) {
          total += read - before;
          counted.set(entry.name, read);
        }
        if (total > limitBytes) {
          problem = { code: 'too-large-unzipped', name: file.name, limitBytes };
          return;
        }
        yield chunk;
      }
    }
    for (const entry of contents.inputs) {
      yield { name: entry.name, reopenable: true, chunks: { [Symbol.iterator]: () => capped(entry) } };
    }
  }

  async function* inputs(): AsyncGenerator<LogInput> {
    if (problem !== null) return;
    // A text file is opened only when the analysis reads it (the pool may refuse first); a zip is read to list it.
    if (logFileKind(file.name) !== 'zip') {
      yield { name: file.name, chunks: text() };
      return;
    }
    try {
      yield* zipped();
    } catch (error) {
      unreadable(error);
    }
  }

  return { name: file.name, inputs, problem: () => problem };
}

/** Pasted texts as they are, files as the inputs they hold, in order: what the analysis reads. */
export async function* guardedInputs(sources: readonly GuardedSource[]): AsyncGenerator<LogInput> {
  for (const source of sources) {
    if ('inputs' in source) yield* source.inputs();
    else yield source;
  }
}
