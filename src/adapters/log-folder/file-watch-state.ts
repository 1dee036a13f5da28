import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { WatchStateFile } from '../../bot/index.js';

/** One JSON file with a section per part of the watch (read positions, counts last told). */
export interface FileWatchState {
  section(name: string): WatchStateFile;
}

/**
 * `QLIK_WATCH_STATE`: small, rewritten whole through a temporary file and a rename, so a crash mid-write leaves
 * the previous state and never half a file.
 */
export function createFileWatchState(path: string): FileWatchState {
  let document: Promise<Record<string, string>> | undefined;
  let writing: Promise<void> = Promise.resolve();
  const load = (): Promise<Record<string, string>> => {
    document ??= readFile(path, 'utf8').then(
      (text) => {
        try {
          const value: unknown = JSON.parse(text);
          return typeof value === 'object' && value !== null ? (value as Record<string, string>) : {};
        } catch {
          return {};
        }
      },
      () => ({}),
    );
    return document;
  };
  return {
    section(name) {
      return {
        async load() {
          const value = (await load())[name];
          return typeof value === 'string' ? value : undefined;
        },
        async save(value) {
          const current = await load();
          current[name] = value;
          const text = JSON.stringify(current);
          writing = writing
            .catch(() => undefined)
            .then(async () => {
              await mkdir(dirname(path), { recursive: true });
              const temporary = `${path}.${process.pid}.tmp`;
              await writeFile(temporary, text);
              await rename(temporary, path);
            });
          await writing;
        },
      };
    },
  };
}
