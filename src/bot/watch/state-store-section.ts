import type { StateStore } from '../state-store.js';
import type { WatchStateFile } from './watch-ports.js';

/** A part of the watch's state kept in the StateStore (Redis with REDIS_URL), shared by replicas. */
export function stateStoreSection(store: StateStore, name: string): WatchStateFile {
  const key = `watch:state:${name}`;
  return { load: () => store.get(key), save: (value) => store.set(key, value) };
}

/** Kept in memory only: positions are lost on restart, and the next start reads the last minutes again. */
export function memorySection(): WatchStateFile {
  let value: string | undefined;
  return {
    load: () => Promise.resolve(value),
    save: (next) => {
      value = next;
      return Promise.resolve();
    },
  };
}
