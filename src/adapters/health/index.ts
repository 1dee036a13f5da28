export { healthRoutes } from './health-routes.js';
export { startHealthServer } from './health-server.js';
export type { HealthServer } from './health-server.js';
export { cachedCheck } from './readiness.js';
export type { ReadinessCheck } from './readiness.js';
