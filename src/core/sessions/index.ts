export { peakParallel } from './peak-parallel.js';
export type { Peak, SessionSpan } from './peak-parallel.js';
export { DEFAULT_INACTIVITY_TIMEOUT_MS, SessionTracker } from './session-tracker.js';
export type { ReloadWindow, SessionTimelines, UserTimeline } from './session-tracker.js';
