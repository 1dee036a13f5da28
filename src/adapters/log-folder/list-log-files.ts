import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseLogFileName, type LogFileName } from './log-file-name.js';

/** A followed log file found in a folder. */
export interface LogFile extends LogFileName {
  readonly path: string;
  readonly name: string;
  readonly size: number;
  readonly mtimeMs: number;
  /** File identity: a renamed (archived) file keeps it, the new live file gets another. 0 where the share has none. */
  readonly ino: number;
}

export interface ListOptions {
  /** Live files only (the follower's regular look); archives are stat'ed only when a rollover needs them. */
  readonly liveOnly?: boolean;
}

/** The central share nests ArchivedLogs/<node>/<service>/<kind>/: deep enough, but a symlink loop ends here. */
const MAX_DEPTH = 8;

export interface ListResult {
  readonly files: LogFile[];
  /** Folders that could not be read, with the reason (a share not mounted, no permission). */
  readonly problems: string[];
}

/** Every followed log file under the folders, recursively; unreadable folders are named, not fatal. */
export async function listLogFiles(folders: readonly string[], options: ListOptions = {}): Promise<ListResult> {
  const files: LogFile[] = [];
  const problems: string[] = [];
  const walk = async (dir: string, depth: number, top: boolean): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      if (top)
        problems.push(
          `The log folder ${dir} cannot be read (${codeOf(error)}): check QLIK_LOG_DIR and that the share is mounted and readable.`,
        );
      return;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (depth < MAX_DEPTH) await walk(path, depth + 1, false);
        continue;
      }
      if (!entry.isFile() && !entry.isSymbolicLink()) continue;
      const name = parseLogFileName(entry.name);
      if (name === null || (options.liveOnly === true && name.archivedAt !== null)) continue;
      try {
        const info = await stat(path);
        if (info.isFile())
          files.push({ ...name, path, name: entry.name, size: info.size, mtimeMs: info.mtimeMs, ino: info.ino });
      } catch {
        // Renamed or deleted between the listing and the stat: the next look finds it under its new name.
      }
    }
  };
  for (const folder of folders) await walk(folder, 0, true);
  return { files, problems };
}

export function codeOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : String(error);
}
