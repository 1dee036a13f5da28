import { createFileWatchState, createLogFolderReader, followLogFolders } from './adapters/log-folder/index.js';
import {
  alertReply,
  alertSummary,
  analyzeInProcess,
  createAlertDispatcher,
  createWatch,
  memorySection,
  whyFromLogs,
  type AlertSink,
  type AppMetrics,
  type EntryReference,
  type LogAnalyzer,
  type LiveSessionList,
  type StateStore,
  type Watch,
  type WatchStateFile,
} from './bot/index.js';
import type { AppConfig } from './config/index.js';
import type { AnalysisReport } from './core/verdict/index.js';
import { DEFAULT_SINCE_MS, type WatchAlert } from './core/watch/index.js';

export interface WatchRuntimeOptions {
  readonly sink: AlertSink;
  readonly store: StateStore;
  /** Alerts carry the "End sessions" button (Slack with QLIK_ADMINS; the click is checked again). */
  readonly endButton: boolean;
  readonly live?: LiveSessionList | undefined;
  /** Where the read positions go; defaults to QLIK_WATCH_STATE, else memory. */
  readonly state?: ((name: string) => WatchStateFile) | undefined;
  readonly onProblem: (text: string) => void;
  readonly onError: (error: unknown) => void;
  readonly now?: () => number;
  readonly describeEntry: (id: string) => EntryReference | undefined;
  readonly metrics?: AppMetrics;
  /** The refusal's verdict runs here; the worker pool in serve, in-process by default. */
  readonly analyze?: LogAnalyzer;
}

export type WatchRuntime =
  | { readonly ok: true; readonly watch: Watch; readonly sources: string }
  | { readonly ok: false; readonly error: string };

/** The log folders are read every few seconds: file-system events do not cross SMB, and alerts should be prompt. */
const FOLDER_POLL_MS = 5_000;

/** The watch wired from the settings (part of the composition root, src/main.ts): log folders, live session lists, the dispatcher with its cooldowns. */
export async function buildWatchRuntime(config: AppConfig, options: WatchRuntimeOptions): Promise<WatchRuntime> {
  const { watch: settings } = config;
  if (settings.logDirs.length === 0 && options.live === undefined) {
    return {
      ok: false,
      error:
        'Nothing to watch: set QLIK_LOG_DIR to the Qlik Sense log folders, or the live APIs (QLIK_PROXY_URLS and QLIK_CERT_DIR); see the README "Watch the site".',
    };
  }
  const now = options.now ?? Date.now;
  const fileState = settings.statePath === undefined ? undefined : createFileWatchState(settings.statePath);
  const section = options.state ?? ((name: string) => fileState?.section(name) ?? memorySection());
  const { describeEntry } = options;
  const reader = settings.logDirs.length === 0 ? undefined : createLogFolderReader(settings.logDirs);
  const feed =
    settings.logDirs.length === 0
      ? undefined
      : await followLogFolders({
          folders: settings.logDirs,
          state: section('positions'),
          now,
          discoverEveryMs: Math.min(30_000, settings.intervalMs),
        });

  /** A refusal gets the verdict a pasted excerpt would: the user's lines of the last two hours. */
  const explain = async (alert: WatchAlert): Promise<AnalysisReport | undefined> => {
    if (alert.cause !== 'refused' || reader === undefined) return undefined;
    try {
      const outcome = await whyFromLogs(reader, options.analyze ?? analyzeInProcess, alert.user, DEFAULT_SINCE_MS, {
        now: now(),
        serviceAccounts: config.qlik.serviceAccounts,
      });
      return outcome.ok ? outcome.result.report : undefined;
    } catch (error) {
      options.onError(error);
      return undefined;
    }
  };
  const dispatcher = createAlertDispatcher({
    store: options.store,
    sink: options.sink,
    cooldownMs: settings.cooldownMs,
    now,
    ...(options.metrics === undefined ? {} : { metrics: options.metrics }),
    render: async (alert) => ({
      summary: alertSummary(alert),
      reply: alertReply(alert, { endButton: options.endButton, report: await explain(alert), describeEntry }),
    }),
  });
  const watch = createWatch({
    feed,
    live: options.live,
    dispatcher,
    serviceAccounts: config.qlik.serviceAccounts,
    folderPollMs: Math.min(FOLDER_POLL_MS, settings.intervalMs),
    liveIntervalMs: settings.intervalMs,
    liveState: section('live'),
    onProblem: options.onProblem,
    onError: options.onError,
    now,
  });
  const sources = [
    ...(settings.logDirs.length === 0 ? [] : [`the log folders ${settings.logDirs.join(', ')}`]),
    ...(options.live === undefined ? [] : [`the live sessions every ${Math.round(settings.intervalMs / 1000)} s`]),
  ].join(' and ');
  return { ok: true, watch, sources };
}
