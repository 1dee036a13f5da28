export { createMemoryStateStore } from './memory-state-store.js';
export { createRedisStateStore } from './redis-state-store.js';
