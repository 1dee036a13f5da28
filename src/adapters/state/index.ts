export { createMemoryStateStore, DEFAULT_MAX_KEYS } from './memory-state-store.js';
export type { MemoryStateStoreOptions } from './memory-state-store.js';
