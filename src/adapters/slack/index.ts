export { ACTION_IDS, ANALYZE_MODAL, SHORTCUTS } from './action-ids.js';
export { SHORTCUT_NAMES } from './shortcut-names.js';
export { SLACK_COMMAND_PREFIX, SLACK_HELP_TIPS } from './slack-help-tips.js';
export { renderAppHome } from './render-app-home.js';
export type { HomeAlert, HomeContent } from './render-app-home.js';
export { uploadFiles } from './upload-files.js';
export type { UploadFetch, UploadFile, UploadPolicy, UploadResult, UploadTarget } from './upload-files.js';
export { analyzeModal } from './analyze-modal.js';
export { boltLine, createBoltLogger } from './bolt-logger.js';
export type { AppLogger, LogLevelName } from './app-logger.js';
export { BLOCK_KIT_LIMITS, clampText, fitBlocks, splitSectionText } from './block-kit-limits.js';
export { classifyMessageEvent } from './classify-message-event.js';
export type { Classification, ClassifyOptions, SlackMessageEvent } from './classify-message-event.js';
export { SLASH_COMMAND } from './command-listener.js';
export { createSlackApp } from './create-slack-app.js';
export type { SlackApp, SlackTransport } from './create-slack-app.js';
export { checkFileUrl, downloadSlackFile, FileDownloadFailure, tooLarge } from './download-slack-file.js';
export type {
  FileDownloadError,
  FileDownloadErrorCode,
  FileDownloadPolicy,
  FileFetch,
  FileFetchResponse,
  UrlCheck,
} from './download-slack-file.js';
export { isFutureDated, refuseFutureTimestamps, TIMESTAMP_WINDOW_SECONDS } from './refuse-future-timestamps.js';
export { renderNotice, renderReplyBlocks } from './render-reply-blocks.js';
export type { RenderOptions, SlackMessage } from './render-reply-blocks.js';
export { SlackState, STATE_TTL_MS } from './slack-state.js';
export { downloadUrlOf, isFileStub, isLogFile, slackFileSchema } from './slack-file.js';
export type { SlackFile } from './slack-file.js';
export type { HttpRoute, SlackAppDeps, SlackOutbound } from './slack-app-deps.js';
export { startSlackApp } from './start-slack-app.js';
export type { StartedSlackApp } from './start-slack-app.js';
export { WorkTracker } from './work-tracker.js';
export { createAlertPoster, createSlackAlertSink } from './slack-alert-sink.js';
export type { AlertPoster, SlackAlertSinkOptions } from './slack-alert-sink.js';
export { proxiedFileFetch, slackOutbound } from './slack-outbound.js';
export { resolveSupportChannels, StartupRefusal } from './resolve-support-channels.js';
