import { mkdtempSync, openSync, rmSync, closeSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Spill, SpillFactory } from '../core/logs/index.js';
import { fileChunks } from './log-file-inputs.js';

/**
 * stdin kept in a temporary file while it is read, so a large one whose lines come out of time order is read again
 * from disk, not held in memory, each run of lines from where it starts, through one reused buffer (as files are).
 * The files go when the process ends.
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
      chunks: (from = 0) => {
        if (open) {
          closeSync(fd);
          open = false;
        }
        return fileChunks(path, from);
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
