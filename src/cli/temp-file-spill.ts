import { createReadStream, mkdtempSync, openSync, rmSync, closeSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Spill, SpillFactory } from '../core/logs/index.js';

/**
 * stdin kept in a temporary file while it is read, so a large one whose lines come out of time order is read again
 * from disk, not held in memory. The files go when the process ends.
 */
export function tempFileSpill(): { readonly spill: SpillFactory; readonly dispose: () => void } {
  const folders: string[] = [];
  const spill: SpillFactory = (): Spill => {
    const folder = mkdtempSync(join(tmpdir(), 'qlik-sessions-stdin-'));
    folders.push(folder);
    const path = join(folder, 'stdin');
    const fd = openSync(path, 'w');
    let open = true;
    return {
      write: (chunk) => {
        writeSync(fd, chunk);
      },
      chunks: () => {
        if (open) {
          closeSync(fd);
          open = false;
        }
        return createReadStream(path, { highWaterMark: 256 * 1024 }) as AsyncIterable<Uint8Array>;
      },
    };
  };
  return {
    spill,
    dispose: () => {
      for (const folder of folders) rmSync(folder, { recursive: true, force: true });
    },
  };
}
