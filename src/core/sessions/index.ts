export { AUTOMATION_SESSIONS, AUTOMATION_WINDOW_MS } from './automation-fold.js';
export { isLocalAddress, MAX_CLIENTS_COUNTED } from './client-fold.js';
export { BURST_SESSIONS, BURST_WINDOW_MS } from './invalid-cookie-fold.js';
export { DEFAULT_INACTIVITY_TIMEOUT_MS } from './peak-fold.js';
export type { ReloadWindow } from './reload-fold.js';
export type { HeldCounts, SessionTimelines, UserFigures } from './session-timelines.js';
export { SessionTracker } from './session-tracker.js';
export type { RecordedSession, SessionEnding } from './timeline-fold.js';
