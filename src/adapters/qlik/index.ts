export { createLiveQlik, isLiveQlikConfigured } from './create-live-qlik.js';
export type { TextFileReader } from './client-certificates.js';
export type { QlikFetch } from './qlik-http-client.js';
export { qlikReadiness } from './qlik-readiness.js';
export { createQlikStatusCheck } from './qlik-status-check.js';
