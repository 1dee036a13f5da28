export { describeError } from './describe-error.js';
export type { Bot } from './bot.js';
export { parseBotRequest, stripAddress } from './bot-request.js';
export type { BotRequest } from './bot-request.js';
export { createBot } from './create-bot.js';
export { answersConfidently, decideChannelMessage, matchMessage } from './decide-message.js';
export type { ChannelDecision } from './decide-message.js';
export type { BotDeps } from './create-bot.js';
export type { EndingAudit } from './end-action.js';
export { doctorReply } from './doctor-reply.js';
export { endSessionsReply } from './end-sessions-reply.js';
export { errorReply } from './error-reply.js';
export { fileProblemReply } from './file-problem-reply.js';
export { guardFile } from './guarded-file.js';
export { analyzeInProcess } from './log-analyzer.js';
export type { AnalysisResult, AnalysisUnavailable, LogAnalyzer } from './log-analyzer.js';
export type { FileProblem, GuardedFile } from './guarded-file.js';
export { helpReply } from './help-reply.js';
export type { HelpOptions } from './help-reply.js';
export { endPreviewReply } from './end-preview-reply.js';
export type { EndConfirmation } from './end-preview-reply.js';
export { createFeedbackRecorder, FEEDBACK_HASH } from './feedback-recorder.js';
export type { FeedbackCount, FeedbackDeps, FeedbackEvent, FeedbackRecorder, FeedbackResult, FeedbackVerdict } from './feedback-recorder.js';
export { reportCsv } from './report-csv.js';
export type { QlikApiStatus, QlikNodeStatus } from './qlik-api-status.js';
export { safeFileName } from './safe-file-name.js';
export { licensesReply } from './licenses-reply.js';
export { liveFailureReply } from './live-failure-reply.js';
export { liveSetupReply } from './live-setup-reply.js';
export { pointerReply } from './pointer-reply.js';
export { nodeErrorCaveats, sessionsReply } from './sessions-reply.js';
export { simpleReply } from './simple-reply.js';
export type { StateStore } from './state-store.js';
export { userArgumentReply } from './user-argument-reply.js';
export type { AttachedFile, EarlierPost, IncomingMessage, MessageKind } from './incoming-message.js';
export type { BotOutcome, EntryReference, FactsTable, Reply, ReplyAction, ReplyFile, ReplyPicture, ReplySection, ReplyTone } from './reply.js';
export { code, link, strong, toPlainText } from '../core/text/index.js';
export type { Link, RichText, Span } from '../core/text/index.js';
export type { LiveQlik } from './live-qlik.js';
export { verdictReply } from './verdict-reply.js';
export { entryReference, entryReply } from './entry-reply.js';
export { sessionsPerEndpoint } from './sessions-per-endpoint.js';
export type { EndpointCount } from './sessions-per-endpoint.js';
export { alertReply, alertSummary, createAlertDispatcher, createWatch, LIKELY_CAUSE_TEXT, memorySection, stateStoreSection, RECENT_ALERTS, RECENT_ALERTS_KEPT, whyFromLogs, whyReply, whySetupReply } from './watch/index.js';
export type {
  AlertDispatcher,
  AlertNotice,
  AlertRef,
  AlertReplyOptions,
  AlertSink,
  DispatcherOptions,
  FollowBatch,
  LiveSessionList,
  LogFeed,
  LogFolderReader,
  NodeEvent,
  UserLogSelection,
  Watch,
  WatchDeps,
  WatchStateFile,
  WhyOutcome,
  WhyResult,
} from './watch/index.js';
export { silentLogger } from './logger.js';
export type { LogFields, Logger, LogMethod, LogValue } from './logger.js';
export { noopMetrics } from './app-metrics.js';
export type { AnalysisMeasure, AnalysisOutcome, AppMetrics, EventKind, EventOutcome, WatchAlertCause } from './app-metrics.js';
