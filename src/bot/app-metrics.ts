import type { MessageKind } from './incoming-message.js';

/** What reached the app: a message of some kind, a button click, a modal submission, a shortcut, or a raw request. */
export type EventKind = MessageKind | 'action' | 'view' | 'shortcut' | 'request';

/** The causes of watch alerts (as in the `watch:recent-alerts` records). */
export type WatchAlertCause = 'at-limit' | 'refused' | 'service-account-licensed' | 'cookie-burst' | 'count-dropped';

/** What happened to one incoming event: a reply was sent, the bot stayed quiet, or it declined to act. */
export type EventOutcome = 'answered' | 'quiet' | 'refused';

/** How an analysis ended: done, failed on its input or on our side, or turned away because the queue was full. */
export type AnalysisOutcome = 'ok' | 'failed' | 'busy';

export interface AnalysisMeasure {
  readonly outcome: AnalysisOutcome;
  /** Bytes of log text read (after gunzip). */
  readonly bytes: number;
  readonly seconds: number;
}

/**
 * Counters and gauges the app reports (Prometheus in production). Labels are low-cardinality on purpose:
 * kinds, outcomes, node URLs from the configuration and causes; never user names, channel ids or text.
 */
export interface AppMetrics {
  eventHandled(kind: EventKind, outcome: EventOutcome): void;
  /** A reply (or notice) that could not be posted to the chat. */
  replyFailed(kind: EventKind): void;
  analysisFinished(measure: AnalysisMeasure): void;
  /** Analyses waiting for a worker, set whenever it changes. */
  analysisQueueDepth(depth: number): void;
  /** `node`: the configured origin called (e.g. `https://qs1:4243`); `outcome`: `ok` or the failure code. */
  qlikCall(node: string, outcome: string, seconds: number): void;
  watchAlert(cause: WatchAlertCause): void;
}

const ignore = (): void => undefined;

/** Counts nothing: the default where no metrics are injected (tests, one-shot commands). */
export const noopMetrics: AppMetrics = {
  eventHandled: ignore,
  replyFailed: ignore,
  analysisFinished: ignore,
  analysisQueueDepth: ignore,
  qlikCall: ignore,
  watchAlert: ignore,
};
