export { createMemoryStateStore, DEFAULT_MAX_KEYS } from './memory-state-store.js';
export type { MemoryStateStoreOptions } from './memory-state-store.js';
export { createRedisStateStore, DEFAULT_KEY_PREFIX, redactRedisUrl } from './redis-state-store.js';
export type { RedisStateStoreOptions } from './redis-state-store.js';
export { isStateStoreUnavailable, StateStoreUnavailable } from './state-store-unavailable.js';
