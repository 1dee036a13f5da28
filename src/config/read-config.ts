import { createRequire } from 'node:module';
import { isAbsolute, resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import type * as Zod from 'zod';
import { isTimeZone } from '../core/text/index.js';
import { isQlikUserName, QLIK_USER_NAME, type QlikUserRef } from '../core/users/index.js';
import { decimalSetting, type DecimalBounds } from './decimal-setting.js';
import { parseSupportChannels, type SupportChannel } from './support-channels.js';

/** The environment as a plain map, so tests pass their own instead of the real environment. */
export type Environment = Readonly<Record<string, string | undefined>>;

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface SlackConfig {
  readonly botToken: string | undefined;
  readonly appToken: string | undefined;
  readonly signingSecret: string | undefined;
  readonly port: number;
  readonly apiUrl: string;
  /** `host` or `host:port` entries that shared files may be downloaded from with the bot token. */
  readonly fileHosts: readonly string[];
  readonly maxFileBytes: number;
  /** Channels that get auto-replies, by id or by name (resolved at start); `all` means every channel the bot is in. */
  readonly supportChannels: readonly SupportChannel[] | 'all';
  /** Slack user ids allowed to end sessions. */
  readonly admins: readonly string[];
}

export interface QlikConfig {
  readonly serviceAccounts: readonly string[];
  readonly kbDir: string | undefined;
  readonly proxyUrls: readonly string[];
  readonly repositoryUrl: string | undefined;
  /** Virtual proxy prefixes ('' = the default proxy); undefined means discover them from the repository. */
  readonly virtualProxies: readonly string[] | undefined;
  readonly certDir: string | undefined;
  readonly apiUser: QlikUserRef;
  readonly tlsInsecure: boolean;
  readonly timeoutMs: number;
}

export interface AnalysisConfig {
  /** Worker threads that analyse logs for Slack and the watch (ANALYSIS_WORKERS). */
  readonly workers: number;
}

/** The watch (issue 14): log folders followed, live sessions polled, alerts to one channel. */
export interface WatchConfig {
  /** Qlik Sense log folders (a node's Log folder, a mounted share, or the central share with one folder per node). */
  readonly logDirs: readonly string[];
  /** Slack channel id that gets the alerts; undefined = no Slack alerts. */
  readonly alertChannel: string | undefined;
  /** How often the live proxy sessions are counted (and at most how long between two reads of the log folders). */
  readonly intervalMs: number;
  /** One alert per user and cause within this time; what follows goes into its thread. */
  readonly cooldownMs: number;
  /** File that keeps the read positions in the logs across restarts (when REDIS_URL is not used). */
  readonly statePath: string | undefined;
}

/** Health, metrics and the outbound proxy. */
export interface OpsConfig {
  /** A health and metrics server of its own (Socket Mode has no HTTP server); undefined = none. */
  readonly healthPort: number | undefined;
  /** HTTPS_PROXY, for Slack and Qlik alike; undefined = direct. */
  readonly httpsProxy: string | undefined;
  /** NO_PROXY entries: host names, `.domain` suffixes, `host:port`, or `*`. */
  readonly noProxy: readonly string[];
}

/** Where state shared by replicas lives (de-duplication, cooldowns, shared replies, click nonces, counts). */
export interface StateConfig {
  /** `redis://` or `rediss://` URL; undefined = this process's memory (one replica only). */
  readonly redisUrl: string | undefined;
}

export interface AppConfig {
  readonly slack: SlackConfig;
  readonly qlik: QlikConfig;
  readonly ops: OpsConfig;
  readonly analysis: AnalysisConfig;
  readonly watch: WatchConfig;
  readonly state: StateConfig;
  readonly logLevel: LogLevel;
  /** IANA zone for times shown to people (QLIK_TIME_ZONE); JSON stays UTC. */
  readonly timeZone: string;
}

export type ConfigResult =
  { readonly ok: true; readonly config: AppConfig } | { readonly ok: false; readonly errors: readonly string[] };

function commaList(value: string | undefined): string[] {
  if (value === undefined) return [];
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function blankToUndefined(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

// The Qlik APIs take the client certificate over TLS only; an http URL would fail later as ERR_INVALID_PROTOCOL.
const QLIK_HTTPS_ONLY = 'must be an https URL such as';

/** Every variable readConfig reads, for the check that .env.example lists them all. */
export const CONFIG_VARIABLES = [
  'SLACK_BOT_TOKEN',
  'SLACK_APP_TOKEN',
  'SLACK_SIGNING_SECRET',
  'PORT',
  'SLACK_API_URL',
  'SLACK_FILE_HOSTS',
  'SLACK_MAX_FILE_MB',
  'QLIK_SUPPORT_CHANNELS',
  'QLIK_ADMINS',
  'QLIK_SERVICE_ACCOUNTS',
  'QLIK_KB_DIR',
  'QLIK_PROXY_URLS',
  'QLIK_REPOSITORY_URL',
  'QLIK_VIRTUAL_PROXIES',
  'QLIK_CERT_DIR',
  'QLIK_API_USER',
  'QLIK_TLS_INSECURE',
  'QLIK_API_TIMEOUT_SECONDS',
  'ANALYSIS_WORKERS',
  'QLIK_LOG_DIR',
  'QLIK_ALERT_CHANNEL',
  'QLIK_WATCH_INTERVAL_SECONDS',
  'QLIK_ALERT_COOLDOWN_MINUTES',
  'QLIK_WATCH_STATE',
  'REDIS_URL',
  'QLIK_TIME_ZONE',
  'LOG_LEVEL',
  'HEALTH_PORT',
  'HTTPS_PROXY',
  'NO_PROXY',
] as const;

type ConfigVariable = (typeof CONFIG_VARIABLES)[number];

/** Settings the schema takes as written (any text, checked further below if at all): no schema needed for them. */
const PLAIN_TEXT: ReadonlySet<string> = new Set<ConfigVariable>([
  'SLACK_SIGNING_SECRET',
  'SLACK_FILE_HOSTS',
  'QLIK_SUPPORT_CHANNELS',
  'QLIK_ADMINS',
  'QLIK_SERVICE_ACCOUNTS',
  'QLIK_KB_DIR',
  'QLIK_PROXY_URLS',
  'QLIK_VIRTUAL_PROXIES',
  'QLIK_CERT_DIR',
  'QLIK_LOG_DIR',
  'QLIK_WATCH_STATE',
  'NO_PROXY',
]);

/** The values of the settings left unset: the schema's defaults, and what readConfig uses when only text is set. */
const DEFAULTS = {
  PORT: 3000,
  SLACK_API_URL: 'https://slack.com/api/',
  SLACK_MAX_FILE_MB: 50,
  QLIK_API_USER: 'INTERNAL\\sa_api',
  QLIK_TLS_INSECURE: 'false',
  QLIK_API_TIMEOUT_SECONDS: 10,
  QLIK_WATCH_INTERVAL_SECONDS: 60,
  QLIK_ALERT_COOLDOWN_MINUTES: 60,
  QLIK_TIME_ZONE: 'UTC',
  LOG_LEVEL: 'info',
} as const;

/** The schema of every setting; built on first need, since loading zod costs a one-shot command ~150 ms. */
function environmentSchema(z: typeof Zod) {
  const httpUrl = (variable: string, example: string) =>
    z.url({ protocol: /^https?$/, error: `${variable} must be a URL such as ${example}` });
  const decimal = (variable: string, bounds: DecimalBounds) => decimalSetting(z, variable, bounds);
  const shape = {
    SLACK_BOT_TOKEN: z
      .string()
      .regex(/^xoxb-/, {
        error: 'SLACK_BOT_TOKEN must be the bot token (xoxb-...) from "OAuth & Permissions" of your Slack app',
      })
      .optional(),
    SLACK_APP_TOKEN: z
      .string()
      .regex(/^xapp-/, {
        error:
          'SLACK_APP_TOKEN must be an app-level token (xapp-...) with the connections:write scope, from "Basic Information" of your Slack app',
      })
      .optional(),
    SLACK_SIGNING_SECRET: z.string().min(1).optional(),
    PORT: decimal('PORT', { example: '3000', min: 1, max: 65535, integer: true, what: 'a port number' }).default(
      DEFAULTS.PORT,
    ),
    SLACK_API_URL: httpUrl('SLACK_API_URL', 'https://slack.com/api/').default(DEFAULTS.SLACK_API_URL),
    SLACK_FILE_HOSTS: z.string().optional(),
    SLACK_MAX_FILE_MB: decimal('SLACK_MAX_FILE_MB', {
      example: '50',
      min: 0.001,
      max: 1024,
      unit: 'megabytes',
      why: '1 GB, the largest file Slack takes',
    }).default(DEFAULTS.SLACK_MAX_FILE_MB),
    QLIK_SUPPORT_CHANNELS: z.string().optional(),
    QLIK_ADMINS: z.string().optional(),
    QLIK_SERVICE_ACCOUNTS: z.string().optional(),
    QLIK_KB_DIR: z.string().optional(),
    QLIK_PROXY_URLS: z.string().optional(),
    QLIK_REPOSITORY_URL: z
      .url({ protocol: /^https$/, error: `QLIK_REPOSITORY_URL ${QLIK_HTTPS_ONLY} https://qs1:4242` })
      .optional(),
    QLIK_VIRTUAL_PROXIES: z.string().optional(),
    QLIK_CERT_DIR: z.string().optional(),
    QLIK_API_USER: z
      .string()
      .regex(QLIK_USER_NAME, { error: 'QLIK_API_USER must be DIRECTORY\\user, for example INTERNAL\\sa_api' })
      .default(DEFAULTS.QLIK_API_USER),
    QLIK_TLS_INSECURE: z
      .enum(['true', 'false'], { error: 'QLIK_TLS_INSECURE must be true or false' })
      .default(DEFAULTS.QLIK_TLS_INSECURE),
    QLIK_API_TIMEOUT_SECONDS: decimal('QLIK_API_TIMEOUT_SECONDS', {
      example: '10',
      min: 0.1,
      max: 600,
      unit: 'seconds',
      why: '10 minutes',
    }).default(DEFAULTS.QLIK_API_TIMEOUT_SECONDS),
    ANALYSIS_WORKERS: decimal('ANALYSIS_WORKERS', {
      example: '1',
      min: 1,
      max: 32,
      integer: true,
      what: 'a number of worker threads',
    }).optional(),
    QLIK_LOG_DIR: z.string().optional(),
    QLIK_ALERT_CHANNEL: z
      .string()
      .regex(/^[CG][A-Z0-9]{6,}$/, {
        error: 'QLIK_ALERT_CHANNEL must be a channel id such as C0123ABCDEF (in Slack: channel details, at the bottom)',
      })
      .optional(),
    QLIK_WATCH_INTERVAL_SECONDS: decimal('QLIK_WATCH_INTERVAL_SECONDS', {
      example: '60',
      min: 1,
      max: 86_400,
      unit: 'seconds',
      why: 'a day',
    }).default(DEFAULTS.QLIK_WATCH_INTERVAL_SECONDS),
    QLIK_ALERT_COOLDOWN_MINUTES: decimal('QLIK_ALERT_COOLDOWN_MINUTES', {
      example: '60',
      min: 1,
      max: 10_080,
      unit: 'minutes',
      why: 'a week',
    }).default(DEFAULTS.QLIK_ALERT_COOLDOWN_MINUTES),
    QLIK_WATCH_STATE: z.string().optional(),
    REDIS_URL: z
      .url({ protocol: /^rediss?$/, error: 'REDIS_URL must be a redis:// or rediss:// URL such as redis://redis:6379' })
      .optional(),
    QLIK_TIME_ZONE: z
      .string()
      .refine(isTimeZone, { error: 'QLIK_TIME_ZONE must be an IANA time zone such as Europe/Berlin or UTC' })
      .default(DEFAULTS.QLIK_TIME_ZONE),
    LOG_LEVEL: z
      .enum(['debug', 'info', 'warn', 'error'], { error: 'LOG_LEVEL must be one of debug, info, warn, error' })
      .default(DEFAULTS.LOG_LEVEL),
    HEALTH_PORT: decimal('HEALTH_PORT', {
      example: '8080',
      min: 1,
      max: 65535,
      integer: true,
      what: 'a port number',
    }).optional(),
    HTTPS_PROXY: z
      .url({
        protocol: /^https?$/,
        error:
          'HTTPS_PROXY must be the proxy URL, such as http://proxy.corp:3128 (user:password@ may go before the host)',
      })
      .optional(),
    NO_PROXY: z.string().optional(),
  } satisfies Record<ConfigVariable, Zod.ZodType>;
  return z.object(shape);
}

type EnvironmentValues = Zod.infer<ReturnType<typeof environmentSchema>>;
type Parsed =
  { readonly ok: true; readonly values: EnvironmentValues } | { readonly ok: false; readonly errors: string[] };

let schema: ReturnType<typeof environmentSchema> | undefined;

/**
 * The settings as the schema reads them. When only plain-text settings are set (or none), they are the schema's
 * defaults and the text as given, without loading zod: `ask` and `kb` start in a fraction of the time.
 */
function parseEnvironment(cleaned: Readonly<Record<string, string | undefined>>): Parsed {
  const set = CONFIG_VARIABLES.filter((name) => cleaned[name] !== undefined);
  if (set.every((name) => PLAIN_TEXT.has(name))) {
    const values = { ...DEFAULTS, ...Object.fromEntries(set.map((name) => [name, cleaned[name]])) };
    return { ok: true, values: values as EnvironmentValues };
  }
  // A synchronous load (readConfig stays synchronous); zod's CommonJS build is its own copy, used only here.
  schema ??= environmentSchema(createRequire(import.meta.url)('zod') as typeof Zod);
  const parsed = schema.safeParse(cleaned);
  return parsed.success
    ? { ok: true, values: parsed.data }
    : { ok: false, errors: parsed.error.issues.map((issue) => issue.message) };
}

/** The proxy variables are also read in lower case, as curl and most tools do; the upper-case one wins. */
const LOWER_CASE_TOO = ['HTTPS_PROXY', 'NO_PROXY'] as const;

/**
 * Half the cores, at least 1 and at most 4: 1 on a two-core machine, leaving a core to acknowledge Slack; each
 * worker holds one analysis, so more than 4 buys little and costs memory.
 */
export function defaultAnalysisWorkers(cores: number): number {
  return Math.min(4, Math.max(1, Math.floor(cores / 2)));
}

/** What readConfig asks of the machine; tests pass their own. */
export interface HostFacts {
  readonly cores: number;
}

export interface ReadConfigOptions extends Partial<HostFacts> {
  /** Folder that relative paths (QLIK_CERT_DIR, QLIK_KB_DIR) are taken from, shown absolute; the process's by default. */
  readonly cwd?: string;
}

/**
 * The only place that knows environment variable names; every setting is validated with a message that says how to
 * fix it, and every bad value is reported at once.
 */
export function readConfig(env: Environment, options: ReadConfigOptions = {}): ConfigResult {
  const cleaned: Record<string, string | undefined> = {};
  for (const key of CONFIG_VARIABLES) cleaned[key] = blankToUndefined(env[key]);
  for (const key of LOWER_CASE_TOO) cleaned[key] ??= blankToUndefined(env[key.toLowerCase()]);
  // QLIK_VIRTUAL_PROXIES keeps blank entries: an empty prefix is the default virtual proxy.
  const rawVirtualProxies = env['QLIK_VIRTUAL_PROXIES'];

  const parsed = parseEnvironment(cleaned);
  const errors: string[] = parsed.ok ? [] : [...parsed.errors];

  const serviceAccounts = commaList(cleaned['QLIK_SERVICE_ACCOUNTS']);
  for (const account of serviceAccounts) {
    if (!isQlikUserName(account))
      errors.push(`QLIK_SERVICE_ACCOUNTS entry "${account}" must be DIRECTORY\\user, for example DOMAIN\\qvservice`);
  }
  const proxyUrls = commaList(cleaned['QLIK_PROXY_URLS']);
  for (const url of proxyUrls) {
    if (!URL.canParse(url) || new URL(url).protocol !== 'https:') {
      errors.push(`QLIK_PROXY_URLS entry "${url}" ${QLIK_HTTPS_ONLY} https://qs1:4243`);
    }
  }
  const rawFileHosts = cleaned['SLACK_FILE_HOSTS'];
  const fileHosts =
    rawFileHosts === undefined ? ['files.slack.com'] : commaList(rawFileHosts).map((host) => host.toLowerCase());
  for (const host of fileHosts) {
    if (!/^[a-z0-9.-]+(?::\d{1,5})?$/.test(host))
      errors.push(`SLACK_FILE_HOSTS entry "${host}" must be a host name or host:port, such as files.slack.com`);
  }
  // The bot token goes with every call to SLACK_API_URL: plain http only to this machine (a local stand-in in tests).
  const rawApiUrl = cleaned['SLACK_API_URL'];
  const slackApi = rawApiUrl !== undefined && URL.canParse(rawApiUrl) ? new URL(rawApiUrl) : undefined;
  if (slackApi?.protocol === 'http:' && !['127.0.0.1', 'localhost', '[::1]'].includes(slackApi.hostname)) {
    errors.push(
      `SLACK_API_URL must be https (it carries the bot token), such as https://slack.com/api/; http is only for a local stand-in on 127.0.0.1`,
    );
  }
  const supportChannels = parseSupportChannels(cleaned['QLIK_SUPPORT_CHANNELS']);
  errors.push(...supportChannels.errors);
  if (!parsed.ok || errors.length > 0) return { ok: false, errors };
  const values = parsed.values;
  const absolute = (path: string | undefined) =>
    path === undefined || isAbsolute(path) ? path : resolve(options.cwd ?? process.cwd(), path);

  const [apiDirectory = '', apiId = ''] = values.QLIK_API_USER.split('\\');
  const virtualProxies =
    rawVirtualProxies === undefined
      ? undefined
      : rawVirtualProxies.split(',').map((prefix) => prefix.trim().replace(/^\/+|\/+$/g, ''));

  return {
    ok: true,
    config: {
      slack: {
        botToken: values.SLACK_BOT_TOKEN,
        appToken: values.SLACK_APP_TOKEN,
        signingSecret: values.SLACK_SIGNING_SECRET,
        port: values.PORT,
        apiUrl: values.SLACK_API_URL.endsWith('/') ? values.SLACK_API_URL : `${values.SLACK_API_URL}/`,
        fileHosts,
        maxFileBytes: Math.round(values.SLACK_MAX_FILE_MB * 1024 * 1024),
        supportChannels: supportChannels.channels.length === 0 ? 'all' : supportChannels.channels,
        admins: commaList(values.QLIK_ADMINS),
      },
      qlik: {
        serviceAccounts,
        kbDir: absolute(values.QLIK_KB_DIR),
        proxyUrls,
        repositoryUrl: values.QLIK_REPOSITORY_URL,
        virtualProxies,
        certDir: absolute(values.QLIK_CERT_DIR),
        apiUser: { directory: apiDirectory, id: apiId },
        tlsInsecure: values.QLIK_TLS_INSECURE === 'true',
        timeoutMs: Math.round(values.QLIK_API_TIMEOUT_SECONDS * 1000),
      },
      analysis: { workers: values.ANALYSIS_WORKERS ?? defaultAnalysisWorkers(options.cores ?? availableParallelism()) },
      watch: {
        logDirs: commaList(values.QLIK_LOG_DIR),
        alertChannel: values.QLIK_ALERT_CHANNEL,
        intervalMs: Math.round(values.QLIK_WATCH_INTERVAL_SECONDS * 1000),
        cooldownMs: Math.round(values.QLIK_ALERT_COOLDOWN_MINUTES * 60_000),
        statePath: values.QLIK_WATCH_STATE,
      },
      ops: {
        healthPort: values.HEALTH_PORT,
        httpsProxy: values.HTTPS_PROXY,
        noProxy: commaList(values.NO_PROXY).map((entry) => entry.toLowerCase()),
      },
      state: { redisUrl: values.REDIS_URL },
      logLevel: values.LOG_LEVEL,
      timeZone: values.QLIK_TIME_ZONE,
    },
  };
}
