export { LiveCountWatch } from './live-count-watch.js';
export { DEFAULT_SINCE_MS, formatSince, parseSince } from './parse-since.js';
export { SessionWatch } from './session-watch.js';
export type { AlertCause, LikelyCause, WatchAlert } from './watch-alert.js';
