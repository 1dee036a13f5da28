export { describeError } from './describe-error.js';
export type { Bot } from './bot.js';
export { createBot } from './create-bot.js';
export { answersConfidently, decideChannelMessage } from './decide-message.js';
export type { ChannelDecision } from './decide-message.js';
export type { BotDeps } from './create-bot.js';
export { analyzeInProcess } from './log-analyzer.js';
export type { AnalysisResult, LogAnalyzer } from './log-analyzer.js';
export { createFeedbackRecorder } from './feedback-recorder.js';
export type { FeedbackCount, FeedbackRecorder } from './feedback-recorder.js';
export type { QlikApiStatus } from './qlik-api-status.js';
export { licensesReply } from './licenses-reply.js';
export type { StateStore } from './state-store.js';
export type { AttachedFile, EarlierPost, IncomingMessage, MessageKind } from './incoming-message.js';
export type {
  BotOutcome,
  EntryReference,
  FactsTable,
  Reply,
  ReplyAction,
  ReplyPicture,
  ReplySection,
} from './reply.js';
export { link } from '../core/text/index.js';
export type { RichText } from '../core/text/index.js';
export type { LiveQlik } from './live-qlik.js';
export { verdictReply } from './verdict-reply.js';
export { entryReference, entryReply } from './entry-reply.js';
export { sessionsPerEndpoint } from './sessions-per-endpoint.js';
export {
  alertReply,
  alertSummary,
  createAlertDispatcher,
  createWatch,
  memorySection,
  stateStoreSection,
  RECENT_ALERTS,
  whyFromLogs,
  whyReply,
} from './watch/index.js';
export type {
  AlertNotice,
  AlertSink,
  FollowBatch,
  LiveSessionList,
  LogFeed,
  LogFolderReader,
  NodeEvent,
  UserLogSelection,
  Watch,
  WatchStateFile,
} from './watch/index.js';
export { silentLogger } from './logger.js';
export type { LogFields, Logger, LogMethod } from './logger.js';
export { noopMetrics } from './app-metrics.js';
export type { AnalysisMeasure, AppMetrics } from './app-metrics.js';
