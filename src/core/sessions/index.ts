export { peakParallel } from './peak-parallel.js';
export type { Peak, SessionSpan } from './peak-parallel.js';
export { SessionTracker } from './session-tracker.js';
export type { ReloadWindow, SessionTimelines, UserTimeline } from './session-tracker.js';
