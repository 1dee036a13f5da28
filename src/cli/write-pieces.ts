import type { Writable } from 'node:stream';
import { write } from './cli-io.js';

/** Text gathered into writes of about this size: few writes, and never more than this held at once. */
const BATCH_CHARACTERS = 64 * 1024;

/**
 * Writes text that comes in pieces, then `end`, a batch at a time, each waited for (so a slow reader holds back
 * the pieces).
 */
export async function writePieces(output: Writable, pieces: Iterable<string>, end = ''): Promise<void> {
  let batch: string[] = [];
  let length = 0;
  for (const piece of pieces) {
    batch.push(piece);
    length += piece.length;
    if (length >= BATCH_CHARACTERS) {
      await write(output, batch.join(''));
      batch = [];
      length = 0;
    }
  }
  batch.push(end);
  if (length + end.length > 0) await write(output, batch.join(''));
}
