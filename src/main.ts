import type { HealthServer, ReadinessCheck } from './adapters/health/index.js';
import { loadKnowledgeBase, type LoadKnowledgeBaseResult } from './adapters/knowledge-files/index.js';
import type { AnalysisPool } from './adapters/analysis-worker/index.js';
import type { QlikFetch, TextFileReader } from './adapters/qlik/index.js';
import type { FileFetch, HttpRoute, SlackApp, StartedSlackApp } from './adapters/slack/index.js';
import type {
  AlertSink,
  AnalysisMeasure,
  AppMetrics,
  Bot,
  BotDeps,
  LiveQlik,
  LiveSessionList,
  LogFolderReader,
  Logger,
  QlikApiStatus,
  RichText,
  StateStore,
} from './bot/index.js';
import { proxyFor, slackCredentials, type AppConfig, type LogLevel } from './config/index.js';
// From their own modules, not the bot's index: every command builds the app, and `ask` must not load the whole bot.
import { noopMetrics } from './bot/app-metrics.js';
import { silentLogger } from './bot/logger.js';
import type { WatchRuntime } from './compose-watch.js';

/** What tests (and only tests) replace; everything else comes from the configuration. */
export interface AppOverrides {
  /** Where the app's log lines go (the CLI hands in JSON lines for serve, named warnings for the rest); default none. */
  readonly logger?: Logger;
  /** The Qlik APIs' fetch (node-fetch with the client certificates by default). */
  readonly qlikFetch?: QlikFetch;
  /** Reads the certificate files of QLIK_CERT_DIR. */
  readonly readFile?: TextFileReader;
  /** The live Qlik port itself, for tests of the conversation that need no HTTPS servers. */
  readonly live?: LiveQlik;
  /** Shared-file downloads from Slack (node-fetch by default). */
  readonly fileFetch?: FileFetch;
  /** The Slack Web API base URL instead of SLACK_API_URL. */
  readonly slackApiUrl?: string;
  /** Epoch milliseconds for Slack's timestamp window, de-duplication and cooldowns. */
  readonly now?: () => number;
  /** The time the Qlik certificate expiry is checked against. */
  readonly clock?: () => Date;
  /** The log analysis; Slack runs it in the worker pool (ANALYSIS_WORKERS) by default, the console in-process. */
  readonly analyze?: BotDeps['analyze'];
  /** The built-in knowledge folder instead of the package's `knowledge/`. */
  readonly builtInKnowledgeDir?: string;
  /** The conversation Slack talks to instead of the real bot (transport tests). */
  readonly bot?: Bot;
  /** Slack Web API retries (the SDK's default retries for half an hour; tests use 0). */
  readonly webApiRetries?: number;
  /** Shared files at least this large get a progress reaction. */
  readonly progressThresholdBytes?: number;
  /** The shared state instead of the one REDIS_URL (or memory) gives; the caller closes it. */
  readonly state?: StateStore;
  /** The replica's own memory, used while `state` fails. */
  readonly localState?: StateStore;
  /** A shared-file download that sends nothing for this long is given up. */
  readonly fileIdleTimeoutMs?: number;
}

/** Who talks to the bot: the console's operator runs it on the server and is its admin; in Slack, QLIK_ADMINS are. */
export type Surface = 'console' | 'slack';

/** Slack being served, with its health server when HEALTH_PORT is set. */
export type Serving =
  | {
      readonly ok: true;
      readonly slack: SlackApp;
      readonly port: number | null;
      readonly healthPort: number | undefined;
      stop(): Promise<void>;
    }
  | { readonly ok: false; readonly error: string };

/** A readiness answer about Qlik is kept this long, so frequent probes do not call Qlik every time. */
const QLIK_READINESS_TTL_MS = 15_000;

/** The state replicas share (Redis from REDIS_URL, else memory), and this replica's memory for what may degrade. */
export type StateResult =
  | { readonly ok: true; readonly shared: StateStore; readonly local: StateStore | undefined; close(): Promise<void> }
  | { readonly ok: false; readonly error: string };

export type BotResult = { readonly ok: true; readonly bot: Bot } | { readonly ok: false; readonly error: string };

/** The application, wired from one configuration: every command, the Slack app and the test harness start here. */
export interface App {
  readonly config: AppConfig;
  readonly logger: Logger;
  /** The built-in knowledge entries plus QLIK_KB_DIR's, loaded once. */
  knowledge(): Promise<LoadKnowledgeBaseResult>;
  /** The live Qlik Sense APIs, or undefined when QLIK_CERT_DIR and a URL to call are not both set. */
  live(): Promise<LiveQlik | undefined>;
  /** The conversation as a surface sees it. */
  bot(surface: Surface): Promise<BotResult>;
  /**
   * The analysis worker threads (ANALYSIS_WORKERS), started once and shared by Slack and the watch; whoever stops
   * the app closes it. Analyses beyond the workers and their queue are refused as busy.
   */
  analysisPool(): Promise<AnalysisPool>;
  /**
   * Serves Slack (Bolt is loaded only now); HTTP mode listens on `port`, default PORT, with `routes` beside it.
   * Stopping it stops the pool.
   */
  startSlack(options?: { readonly port?: number; readonly routes?: readonly HttpRoute[] }): Promise<StartedSlackApp>;
  /**
   * `serve`: Slack, plus /healthz, /readyz (Slack connected; Qlik reachable when configured) and Prometheus /metrics
   * beside /slack/events in HTTP mode, and on HEALTH_PORT when set (Socket Mode has no HTTP server of its own).
   */
  serve(): Promise<Serving>;
  /** Where the app counts events, analyses, Qlik calls and alerts: Prometheus once `serve` runs, nothing before. */
  metrics(): AppMetrics;
  /**
   * The one StateStore of the process (Redis when REDIS_URL is set, else memory), opened once and shared by Slack,
   * the watch and App Home; stopping the Slack app closes it. A Redis that does not answer is an error here.
   */
  stateStore(): Promise<StateResult>;
  /** The log folders of QLIK_LOG_DIR for `why`; undefined when it is not set. */
  logFolders(): LogFolderReader | undefined;
  /** The watch over QLIK_LOG_DIR and the live sessions, its alerts going to `sink` (a terminal, or Slack). */
  watch(sink: AlertSink, options: WatchOptions): Promise<WatchRuntime>;
  /** QLIK_ALERT_CHANNEL in Slack, or undefined when it (or the bot token) is not set. */
  slackAlertSink(): Promise<AlertSink | undefined>;
}

export interface WatchOptions {
  /** Slack alerts carry the "End sessions" button (QLIK_ADMINS set; every click is checked again). */
  readonly endButton: boolean;
  /** Cooldowns, threads and recent alerts; the app's state (Redis with REDIS_URL, else memory) unless given. */
  readonly store?: StateStore;
  readonly onProblem: (text: string) => void;
}

/** The reader of the site's log folders, its adapter (and the log parser) loaded at the first read. */
function logFolderReader(folders: readonly string[]): LogFolderReader {
  let reader: Promise<LogFolderReader> | undefined;
  return {
    folders,
    async userLines(user, from, to) {
      reader ??= import('./adapters/log-folder/index.js').then((adapter) => adapter.createLogFolderReader(folders));
      return (await reader).userLines(user, from, to);
    },
  };
}

/**
 * The composition root: the only place that wires adapters (knowledge files, Qlik, Slack, logging) to the bot.
 * What a command does not use is not loaded (dynamic imports), so `ask` and `kb` start in a fraction of `serve`.
 */
export function buildApp(config: AppConfig, overrides: AppOverrides = {}): App {
  const logger = overrides.logger ?? silentLogger;
  let knowledge: Promise<LoadKnowledgeBaseResult> | undefined;
  let live: Promise<LiveQlik | undefined> | undefined;
  let logFolders: LogFolderReader | undefined | null = null;
  let metrics: AppMetrics = noopMetrics;
  const viaProxy = (url: URL) => proxyFor(config.ops, url);
  const countCall = (node: string, outcome: string, seconds: number) => metrics.qlikCall(node, outcome, seconds);
  let pool: Promise<AnalysisPool> | undefined;
  let stateOpened: Promise<StateResult> | undefined;

  /** How help shows commands and what else a surface offers (Slack's shortcuts), given by the surface. */
  interface SurfaceHelp {
    readonly commandPrefix: string;
    readonly tips: readonly RichText[];
  }

  /** Slack's help shows `/qlik-sessions ...` and its shortcuts; the console's the bare commands. */
  async function helpFor(surface: Surface): Promise<SurfaceHelp | undefined> {
    if (surface === 'console') return undefined;
    const slack = await import('./adapters/slack/index.js');
    return { commandPrefix: slack.SLACK_COMMAND_PREFIX, tips: slack.SLACK_HELP_TIPS };
  }

  async function botFor(surface: Surface, analyze: BotDeps['analyze']): Promise<BotResult> {
    const help = await helpFor(surface);
    const loaded = await app.knowledge();
    if (!loaded.ok)
      return { ok: false, error: `The knowledge entries could not be loaded: ${loaded.error} (QLIK_KB_DIR).` };
    const { createBot, describeError } = await import('./bot/index.js');
    const admins = new Set(config.slack.admins);
    const bot = createBot({
      knowledge: loaded.knowledge,
      serviceAccounts: config.qlik.serviceAccounts,
      live: await app.live(),
      isAdmin: surface === 'console' ? () => true : (senderId) => admins.has(senderId),
      maxFileBytes: config.slack.maxFileBytes,
      reportError: (error) => logger.error(`bot: ${describeError(error)}`),
      auditEnding: (level, { event, ...fields }) => logger[level](fields, event),
      logFolders: app.logFolders(),
      ...(overrides.now === undefined ? {} : { now: overrides.now }),
      timeZone: config.timeZone,
      // The console's operator confirms an end by typing yes; Slack's admins click the End button.
      confirmEndByText: surface === 'console',
      ...(help === undefined ? {} : { commandPrefix: help.commandPrefix, helpTips: help.tips }),
      ...(analyze === undefined ? {} : { analyze }),
    });
    return { ok: true, bot };
  }

  /** App Home's Qlik API status, for admins; undefined when nothing is configured to ask. */
  async function qlikStatusCheck(): Promise<(() => Promise<QlikApiStatus>) | undefined> {
    if (overrides.live !== undefined) return undefined;
    const qlik = await import('./adapters/qlik/index.js');
    return qlik.createQlikStatusCheck(config.qlik, {
      ...(overrides.qlikFetch === undefined ? {} : { fetch: overrides.qlikFetch }),
      ...(overrides.readFile === undefined ? {} : { readFile: overrides.readFile }),
      ...(overrides.clock === undefined ? {} : { clock: overrides.clock }),
    });
  }

  const app: App = {
    config,
    logger,

    knowledge() {
      knowledge ??= loadKnowledgeBase({ siteDir: config.qlik.kbDir, builtInDir: overrides.builtInKnowledgeDir });
      return knowledge;
    },

    live() {
      live ??= (async () => {
        if (overrides.live !== undefined) return overrides.live;
        const qlik = await import('./adapters/qlik/index.js');
        if (!qlik.isLiveQlikConfigured(config.qlik)) return undefined;
        return qlik.createLiveQlik(config.qlik, {
          logger,
          proxyFor: viaProxy,
          onCall: countCall,
          ...(overrides.qlikFetch === undefined ? {} : { fetch: overrides.qlikFetch }),
          ...(overrides.readFile === undefined ? {} : { readFile: overrides.readFile }),
          ...(overrides.clock === undefined ? {} : { clock: overrides.clock }),
        });
      })();
      return live;
    },

    bot: (surface) => botFor(surface, overrides.analyze),

    logFolders() {
      if (logFolders === null)
        logFolders = config.watch.logDirs.length === 0 ? undefined : logFolderReader(config.watch.logDirs);
      return logFolders;
    },

    async watch(sink, options) {
      const [{ buildWatchRuntime }, { entryReference, describeError, stateStoreSection }] = await Promise.all([
        import('./compose-watch.js'),
        import('./bot/index.js'),
      ]);
      const owner = stateOpened === undefined;
      // Slack and the watch in one process share the state: App Home reads the alerts the watch pushed.
      const state = await app.stateStore();
      if (!state.ok) return state;
      const store = options.store ?? state.shared;
      // With REDIS_URL and no QLIK_WATCH_STATE file, the read positions are kept in Redis too.
      const sections =
        config.watch.statePath === undefined && config.state.redisUrl !== undefined
          ? (name: string) => stateStoreSection(state.shared, name)
          : undefined;
      const loaded = await app.knowledge();
      const current = await app.live();
      // The watch needs every user's sessions at once: a live port without that list (a test's) has no live source.
      const list =
        current !== undefined && 'allSessions' in current ? (current as LiveQlik & LiveSessionList) : undefined;
      const built = await buildWatchRuntime(config, {
        sink,
        store,
        state: sections,
        endButton: options.endButton,
        live: list !== undefined && config.qlik.proxyUrls.length > 0 ? list : undefined,
        onProblem: options.onProblem,
        onError: (error) => logger.error(`watch: ${describeError(error)}`),
        describeEntry: (id) => {
          const entry = loaded.ok ? loaded.knowledge.get(id) : undefined;
          return entry === undefined ? undefined : entryReference(entry);
        },
        ...(overrides.now === undefined ? {} : { now: overrides.now }),
      });
      if (!built.ok || !owner) return built;
      // The watch opened the state (no Slack in this process): it closes it when it stops.
      const stop = built.watch.stop;
      return { ...built, watch: { ...built.watch, stop: () => stop().finally(() => state.close()) } };
    },

    async slackAlertSink() {
      const channel = config.watch.alertChannel;
      const token = config.slack.botToken;
      if (channel === undefined || token === undefined) return undefined;
      const slack = await import('./adapters/slack/index.js');
      const poster = slack.createAlertPoster(
        token,
        overrides.slackApiUrl ?? config.slack.apiUrl,
        overrides.webApiRetries ?? 3,
      );
      return slack.createSlackAlertSink({ channel, poster });
    },

    analysisPool() {
      pool ??= (async () => {
        const { createAnalysisPool } = await import('./adapters/analysis-worker/index.js');
        // Forwarded, so the pool counts into Prometheus once `serve` has set it up, whenever the pool was started.
        const poolMetrics = {
          analysisFinished: (measure: AnalysisMeasure) => metrics.analysisFinished(measure),
          analysisQueueDepth: (depth: number) => metrics.analysisQueueDepth(depth),
        };
        return createAnalysisPool({ workers: config.analysis.workers, warm: true, logger, metrics: poolMetrics });
      })();
      return pool;
    },

    stateStore: () => (stateOpened ??= openState()),

    async startSlack(options = {}) {
      const credentials = slackCredentials(config.slack);
      if (!credentials.ok) return credentials;
      // Bolt and its dependencies cost most of a second to load: only `serve` (and `start` with Slack set) pay it.
      const slack = await import('./adapters/slack/index.js');
      let bot = overrides.bot;
      // The pool is started only for the real bot, and stopped with the app once the replies in flight are done.
      const workers = bot === undefined && overrides.analyze === undefined ? await app.analysisPool() : undefined;
      if (bot === undefined) {
        const built = await botFor('slack', overrides.analyze ?? workers?.analyze);
        if (!built.ok) {
          await workers?.close();
          return built;
        }
        bot = built.bot;
      }
      const fetchFile =
        overrides.fileFetch ??
        (config.ops.httpsProxy === undefined
          ? ((await import('node-fetch')).default as unknown as FileFetch)
          : slack.proxiedFileFetch(viaProxy));
      const apiUrl = overrides.slackApiUrl ?? config.slack.apiUrl;
      const slackProxy = proxyFor(config.ops, apiUrl);
      const state = await app.stateStore();
      if (!state.ok) {
        stateOpened = undefined;
        await workers?.close();
        return state;
      }
      const { renderPng } = await import('./adapters/timeline-png/index.js');
      const { createFeedbackRecorder } = await import('./bot/index.js');
      const { VERDICT_CODES } = await import('./core/verdict/index.js');
      const store = state.shared;
      const loaded = await app.knowledge();
      const entries = loaded.ok ? loaded.knowledge.entries.map((entry) => ({ id: entry.id, title: entry.title })) : [];
      const topics = new Set<string>([...VERDICT_CODES, ...entries.map((entry) => entry.id)]);
      const feedback = createFeedbackRecorder({
        store,
        isTopic: (topic) => topics.has(topic),
        log: ({ event, ...fields }) => logger.info(fields, event),
      });
      const qlikStatus = await qlikStatusCheck();
      const started = await slack.startSlackApp(
        {
          state: state.shared,
          ...(state.local === undefined ? {} : { localState: state.local }),
          ...(overrides.fileIdleTimeoutMs === undefined ? {} : { fileIdleTimeoutMs: overrides.fileIdleTimeoutMs }),
          config:
            overrides.slackApiUrl === undefined ? config.slack : { ...config.slack, apiUrl: overrides.slackApiUrl },
          credentials: credentials.credentials,
          logLevel: config.logLevel,
          bot,
          logger,
          fetchFile,
          webApiRetries: overrides.webApiRetries ?? 3,
          metrics,
          ...(slackProxy === undefined ? {} : { outbound: slack.slackOutbound(slackProxy) }),
          ...(options.routes === undefined ? {} : { routes: options.routes }),
          renderPng,
          feedback,
          home: { entries, ...(qlikStatus === undefined ? {} : { qlikStatus }) },
          ...(overrides.now === undefined ? {} : { now: overrides.now }),
          ...(overrides.progressThresholdBytes === undefined
            ? {}
            : { progressThresholdBytes: overrides.progressThresholdBytes }),
        },
        options.port,
      );
      // Stopped once the replies in flight are done: the workers, then the state they wrote to.
      const closeAll = async () => {
        await workers?.close();
        // The next stateStore() opens a fresh one rather than hand out a closed store.
        stateOpened = undefined;
        await state.close();
      };
      if (!started.ok) {
        await closeAll();
        return started;
      }
      const stopSlack = started.app.stop;
      return { ...started, app: { ...started.app, stop: () => stopSlack().finally(closeAll) } };
    },

    metrics: () => metrics,

    async serve() {
      const [health, prometheus, qlik] = await Promise.all([
        import('./adapters/health/index.js'),
        import('./adapters/metrics/index.js'),
        import('./adapters/qlik/index.js'),
      ]);
      const exposition = prometheus.createPrometheusMetrics({ processMetrics: true });
      metrics = exposition.metrics;
      // Readiness asks the Slack app, which exists only once it has started.
      const current: { slack?: SlackApp } = {};
      const checks: ReadinessCheck[] = [
        {
          name: 'slack',
          check: async () =>
            current.slack?.connected() === true
              ? { ok: true }
              : { ok: false, detail: 'not connected to Slack (starting, or reconnecting)' },
        },
      ];
      if (qlik.isLiveQlikConfigured(config.qlik)) {
        const probe = qlik.qlikReadiness(config.qlik, {
          proxyFor: viaProxy,
          onCall: countCall,
          ...(overrides.qlikFetch === undefined ? {} : { fetch: overrides.qlikFetch }),
          ...(overrides.readFile === undefined ? {} : { readFile: overrides.readFile }),
        });
        checks.push(health.cachedCheck({ name: 'qlik', check: probe }, QLIK_READINESS_TTL_MS));
      }
      const routes = health.healthRoutes({ checks, metrics: exposition });
      let server: HealthServer | undefined;
      if (config.ops.healthPort !== undefined) {
        try {
          server = await health.startHealthServer(routes, config.ops.healthPort);
        } catch (error) {
          const { describeError } = await import('./bot/index.js');
          return {
            ok: false,
            error: `HEALTH_PORT ${config.ops.healthPort} cannot be used (${describeError(error)}): set HEALTH_PORT to a free port.`,
          };
        }
      }
      const started = await app.startSlack({ routes });
      if (!started.ok) {
        await server?.close();
        return started;
      }
      current.slack = started.app;
      return {
        ok: true,
        slack: started.app,
        port: started.port,
        healthPort: server?.port,
        async stop() {
          await started.app.stop();
          await server?.close();
        },
      };
    },
  };

  /** One replica keeps its state in memory; replicas share Redis (REDIS_URL), with memory for what may degrade. */
  async function openState(): Promise<StateResult> {
    if (overrides.state !== undefined) {
      return { ok: true, shared: overrides.state, local: overrides.localState, close: async () => undefined };
    }
    const stores = await import('./adapters/state/index.js');
    const local = stores.createMemoryStateStore(overrides.now === undefined ? {} : { now: overrides.now });
    const redisUrl = config.state.redisUrl;
    if (redisUrl === undefined) return { ok: true, shared: local, local: undefined, close: () => local.close() };
    const shared = stores.createRedisStateStore(redisUrl, { onConnectionProblem: (line) => logger.warn(line) });
    const close = async () => {
      await shared.close();
      await local.close();
    };
    try {
      await shared.get('startup-check');
    } catch (error) {
      await close();
      const why = error instanceof Error ? error.message : String(error);
      return { ok: false, error: `${why} Or unset REDIS_URL to run one replica with its state in memory.` };
    }
    return { ok: true, shared, local, close };
  }

  return app;
}

/** The app's JSON log lines (pino) from `level` up, written by `write` (stderr in production); loaded only to serve. */
export async function createJsonLogger(level: LogLevel, write: (line: string) => void): Promise<Logger> {
  const { createPinoLogger } = await import('./adapters/logging/index.js');
  return createPinoLogger({ level, destination: { write } });
}
