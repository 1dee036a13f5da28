export { peakParallel } from './peak-parallel.js';
export type { Peak, SessionSpan } from './peak-parallel.js';
export { AUTOMATION_SESSIONS, AUTOMATION_WINDOW_MS, BURST_SESSIONS, BURST_WINDOW_MS, DEFAULT_INACTIVITY_TIMEOUT_MS, RELOAD_SLACK_MS, SessionTracker } from './session-tracker.js';
export type { ReloadWindow, SessionTimelines, UserTimeline } from './session-tracker.js';
export { TimeQueue } from './time-queue.js';
