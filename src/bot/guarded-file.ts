import { pipeline, Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { AttachedFile } from './incoming-message.js';

/** Why an attached file was not analysed; the reply says how to send it instead. */
export type FileProblem =
  | { readonly code: 'too-large'; readonly name: string; readonly limitBytes: number }
  | { readonly code: 'binary'; readonly name: string }
  | { readonly code: 'archive'; readonly name: string }
  | { readonly code: 'unreadable'; readonly name: string; readonly message: string };

/** An attached file as log input: inflated when gzip, cut off at the size cap or at binary content, with the reason kept. */
export interface GuardedFile {
  readonly name: string;
  readonly chunks: AsyncIterable<Uint8Array>;
  /** Known once `chunks` has been consumed (or at once when the declared size is over the cap). */
  problem(): FileProblem | null;
}

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

export function guardFile(file: AttachedFile, limitBytes: number): GuardedFile {
  let problem: FileProblem | null = file.size !== null && file.size > limitBytes ? { code: 'too-large', name: file.name, limitBytes } : null;

  async function* chunks(): AsyncGenerator<Uint8Array> {
    if (problem !== null) return;
    try {
      const raw = file.open()[Symbol.asyncIterator]();
      const first = await raw.next();
      if (first.done === true) return;
      if (isZip(first.value)) {
        problem = { code: 'archive', name: file.name };
        await raw.return?.();
        return;
      }
      const joined = prepend(first.value, raw);
      const text = isGzip(first.value) ? gunzip(joined) : joined;
      let total = 0;
      let checked = false;
      for await (const chunk of text) {
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
      problem = { code: 'unreadable', name: file.name, message: error instanceof Error ? error.message : String(error) };
    }
  }

  return { name: file.name, chunks: chunks(), problem: () => problem };
}
