export { createAlertDispatcher, RECENT_ALERTS } from './alert-dispatcher.js';
export type { AlertNotice, AlertSink } from './alert-dispatcher.js';
export { alertReply } from './alert-reply.js';
export { alertSummary } from './alert-summary.js';
export { createWatch } from './create-watch.js';
export type { Watch } from './create-watch.js';
export type { LiveSessionList } from './live-session-list.js';
export type {
  FollowBatch,
  LogFeed,
  LogFolderReader,
  NodeEvent,
  UserLogSelection,
  WatchStateFile,
} from './watch-ports.js';
export { whyFromLogs } from './why-from-logs.js';
export { whyReply, whySetupReply } from './why-reply.js';
export { memorySection, stateStoreSection } from './state-store-section.js';
