export { healthRoutes } from './health-routes.js';
export type { HealthRoute, HealthRoutesOptions } from './health-routes.js';
export { startHealthServer } from './health-server.js';
export type { HealthServer } from './health-server.js';
export { cachedCheck, checkReadiness } from './readiness.js';
export type { ReadinessCheck, ReadinessReport, ReadinessResult } from './readiness.js';
