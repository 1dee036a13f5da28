import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readConfig, type AppConfig } from '../../src/config/index.js';
import { CONFIG_VARIABLES } from '../../src/config/read-config.js';

function configOf(env: Record<string, string>): AppConfig {
  const result = readConfig(env);
  if (!result.ok) throw new Error(`expected a valid config, got: ${result.errors.join('; ')}`);
  return result.config;
}

describe('readConfig', () => {
  it('gives the documented defaults for an empty environment', () => {
    const config = configOf({});
    expect(config.slack).toMatchObject({
      port: 3000,
      apiUrl: 'https://slack.com/api/',
      fileHosts: ['files.slack.com'],
      supportChannels: 'all',
    });
    expect(config.qlik).toMatchObject({
      apiUser: { directory: 'INTERNAL', id: 'sa_api' },
      tlsInsecure: false,
      virtualProxies: undefined,
    });
    expect(config.logLevel).toBe('info');
  });

  it('reads text-only settings without the schema exactly as the schema does (a default written out forces it)', () => {
    const text = {
      SLACK_SIGNING_SECRET: ' secret ',
      SLACK_FILE_HOSTS: 'files.slack.com, 127.0.0.1:8080',
      QLIK_SUPPORT_CHANNELS: 'C0123ABCDEF,#qlik-help',
      QLIK_ADMINS: 'U1,U2',
      QLIK_SERVICE_ACCOUNTS: 'DOMAIN\\qvservice',
      QLIK_KB_DIR: 'site-kb',
      QLIK_PROXY_URLS: 'https://qs1:4243,https://qs2:4243',
      QLIK_VIRTUAL_PROXIES: ',ext',
      QLIK_CERT_DIR: '/etc/qlik/certs',
      QLIK_LOG_DIR: '/logs/qs1,/logs/qs2',
      QLIK_WATCH_STATE: '/var/lib/qlik-sessions/offsets.json',
      NO_PROXY: 'localhost,.corp',
    };
    expect(configOf({})).toEqual(configOf({ PORT: '3000' }));
    expect(configOf(text)).toEqual(configOf({ ...text, LOG_LEVEL: 'info', QLIK_TIME_ZONE: 'UTC' }));
    expect(readConfig({ ...text, QLIK_PROXY_URLS: 'http://qs1:4243' })).toEqual(
      readConfig({ ...text, QLIK_PROXY_URLS: 'http://qs1:4243', PORT: '3000' }),
    );
  });

  it('reads the watch settings: log folders as a comma list, seconds and minutes as milliseconds', () => {
    expect(configOf({}).watch).toEqual({
      logDirs: [],
      alertChannel: undefined,
      intervalMs: 60_000,
      cooldownMs: 3_600_000,
      statePath: undefined,
    });
    const watch = configOf({
      QLIK_LOG_DIR: '/mnt/qs1/Log, /mnt/qs2/Log',
      QLIK_ALERT_CHANNEL: 'C0123ABCDEF',
      QLIK_WATCH_INTERVAL_SECONDS: '15',
      QLIK_ALERT_COOLDOWN_MINUTES: '30',
      QLIK_WATCH_STATE: '/var/lib/qlik-sessions/watch.json',
    }).watch;
    expect(watch).toEqual({
      logDirs: ['/mnt/qs1/Log', '/mnt/qs2/Log'],
      alertChannel: 'C0123ABCDEF',
      intervalMs: 15_000,
      cooldownMs: 1_800_000,
      statePath: '/var/lib/qlik-sessions/watch.json',
    });
  });

  it('reads REDIS_URL for the state replicas share, and refuses a URL that is not redis:// or rediss://', () => {
    expect(configOf({}).state).toEqual({ redisUrl: undefined });
    expect(configOf({ REDIS_URL: 'redis://redis:6379/0' }).state).toEqual({ redisUrl: 'redis://redis:6379/0' });
    expect(configOf({ REDIS_URL: 'rediss://:pw@cache.example.com:6380' }).state.redisUrl).toBe(
      'rediss://:pw@cache.example.com:6380',
    );
    const refused = readConfig({ REDIS_URL: 'http://redis:6379' });
    expect(refused.ok ? [] : refused.errors).toEqual([
      'REDIS_URL must be a redis:// or rediss:// URL such as redis://redis:6379',
    ]);
  });

  it('takes SLACK_API_URL over http only on this machine, with a trailing slash', () => {
    expect(configOf({ SLACK_API_URL: 'http://127.0.0.1:4599/api' }).slack.apiUrl).toBe('http://127.0.0.1:4599/api/');
    expect(configOf({ SLACK_API_URL: 'https://slack-gov.com/api/' }).slack.apiUrl).toBe('https://slack-gov.com/api/');
  });

  it('splits comma lists and keeps an empty virtual proxy prefix as the default proxy', () => {
    const config = configOf({
      QLIK_SERVICE_ACCOUNTS: 'DOMAIN\\qvservice, CORP\\svc_qlik',
      QLIK_PROXY_URLS: 'https://qs1:4243,https://qs2:4243',
      QLIK_VIRTUAL_PROXIES: ',sales,/hr/',
      QLIK_SUPPORT_CHANNELS: 'C01, C02',
      SLACK_FILE_HOSTS: 'files.slack.com,127.0.0.1:8080',
    });
    expect(config.qlik.serviceAccounts).toEqual(['DOMAIN\\qvservice', 'CORP\\svc_qlik']);
    expect(config.qlik.proxyUrls).toEqual(['https://qs1:4243', 'https://qs2:4243']);
    expect(config.qlik.virtualProxies).toEqual(['', 'sales', 'hr']);
    expect(config.slack.supportChannels).toEqual([{ id: 'C01' }, { id: 'C02' }]);
    expect(config.slack.fileHosts).toEqual(['files.slack.com', '127.0.0.1:8080']);
  });

  it.for([
    { env: { SLACK_BOT_TOKEN: 'xoxp-user-token' }, names: 'SLACK_BOT_TOKEN' },
    { env: { SLACK_APP_TOKEN: 'xoxb-wrong-kind' }, names: 'SLACK_APP_TOKEN' },
    { env: { PORT: 'eighty' }, names: 'PORT' },
    { env: { PORT: '70000' }, names: 'PORT' },
    { env: { QLIK_API_USER: 'sa_api' }, names: 'QLIK_API_USER' },
    { env: { QLIK_SERVICE_ACCOUNTS: 'qvservice' }, names: 'QLIK_SERVICE_ACCOUNTS' },
    { env: { QLIK_PROXY_URLS: 'qs1:4243' }, names: 'QLIK_PROXY_URLS' },
    { env: { QLIK_REPOSITORY_URL: 'not a url' }, names: 'QLIK_REPOSITORY_URL' },
    {
      env: { QLIK_PROXY_URLS: 'https://qs1:4243,http://qs2:4243' },
      names: 'QLIK_PROXY_URLS entry "http://qs2:4243" must be an https URL',
    },
    { env: { QLIK_REPOSITORY_URL: 'http://qs1:4242' }, names: 'QLIK_REPOSITORY_URL must be an https URL' },
    { env: { SLACK_API_URL: 'http://slack-gov.com/api/' }, names: 'SLACK_API_URL must be https' },
    { env: { QLIK_TLS_INSECURE: 'yes' }, names: 'QLIK_TLS_INSECURE' },
    { env: { SLACK_FILE_HOSTS: 'https://files.slack.com/' }, names: 'SLACK_FILE_HOSTS' },
    { env: { LOG_LEVEL: 'loud' }, names: 'LOG_LEVEL' },
    { env: { QLIK_ALERT_CHANNEL: '#qlik-alerts' }, names: 'QLIK_ALERT_CHANNEL' },
    { env: { QLIK_WATCH_INTERVAL_SECONDS: '0' }, names: 'QLIK_WATCH_INTERVAL_SECONDS' },
    { env: { QLIK_ALERT_COOLDOWN_MINUTES: 'hourly' }, names: 'QLIK_ALERT_COOLDOWN_MINUTES' },
  ])('refuses a malformed $names with a message that names it', ({ env, names }) => {
    const result = readConfig(env);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join('\n')).toContain(names);
  });
});

describe('readConfig hardening', () => {
  it.for([
    { env: { PORT: '0x50' }, says: 'PORT must be a port number in plain digits, such as 3000' },
    { env: { PORT: '80.5' }, says: 'PORT must be a port number in plain digits' },
    { env: { PORT: '0' }, says: 'PORT must be between 1 and 65535' },
    { env: { HEALTH_PORT: '1e3' }, says: 'HEALTH_PORT must be a port number in plain digits' },
    {
      env: { QLIK_API_TIMEOUT_SECONDS: '2147484' },
      says: 'QLIK_API_TIMEOUT_SECONDS must be between 0.1 and 600 (10 minutes)',
    },
    {
      env: { QLIK_API_TIMEOUT_SECONDS: 'Infinity' },
      says: 'QLIK_API_TIMEOUT_SECONDS must be a number of seconds in plain digits, such as 10',
    },
    {
      env: { QLIK_API_TIMEOUT_SECONDS: '-5' },
      says: 'QLIK_API_TIMEOUT_SECONDS must be a number of seconds in plain digits',
    },
    {
      env: { SLACK_MAX_FILE_MB: '1e9' },
      says: 'SLACK_MAX_FILE_MB must be a number of megabytes in plain digits, such as 50',
    },
    {
      env: { SLACK_MAX_FILE_MB: '5000' },
      says: 'SLACK_MAX_FILE_MB must be between 0.001 and 1024 (1 GB, the largest file Slack takes)',
    },
    {
      env: { QLIK_WATCH_INTERVAL_SECONDS: '0x3c' },
      says: 'QLIK_WATCH_INTERVAL_SECONDS must be a number of seconds in plain digits',
    },
    {
      env: { HTTPS_PROXY: 'proxy.corp:3128' },
      says: 'HTTPS_PROXY must be the proxy URL, such as http://proxy.corp:3128',
    },
    {
      env: { QLIK_SUPPORT_CHANNELS: 'C0123ABCD, Qlik Support' },
      says: 'QLIK_SUPPORT_CHANNELS entry "Qlik Support" is neither a channel id',
    },
  ])('refuses $env with "$says"', ({ env, says }) => {
    const result = readConfig(env);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toEqual(expect.arrayContaining([expect.stringContaining(says)]));
  });

  it('takes the numbers it refused before when written plainly, in range', () => {
    const config = configOf({
      PORT: '80',
      QLIK_API_TIMEOUT_SECONDS: '2.5',
      SLACK_MAX_FILE_MB: '1024',
      HEALTH_PORT: '8081',
    });
    expect(config.slack.port).toBe(80);
    expect(config.qlik.timeoutMs).toBe(2500);
    expect(config.slack.maxFileBytes).toBe(1024 * 1024 * 1024);
    expect(config.ops.healthPort).toBe(8081);
  });

  it('reports every bad value at once, of every kind', () => {
    const result = readConfig({
      PORT: '0x50',
      QLIK_SERVICE_ACCOUNTS: 'qvservice',
      QLIK_PROXY_URLS: 'http://qs1:4243',
      SLACK_FILE_HOSTS: 'https://files.slack.com/',
      QLIK_SUPPORT_CHANNELS: 'Qlik Support',
      LOG_LEVEL: 'loud',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    for (const variable of [
      'PORT',
      'QLIK_SERVICE_ACCOUNTS',
      'QLIK_PROXY_URLS',
      'SLACK_FILE_HOSTS',
      'QLIK_SUPPORT_CHANNELS',
      'LOG_LEVEL',
    ]) {
      expect(result.errors.some((error) => error.startsWith(variable))).toBe(true);
    }
  });

  it('keeps channel names (with or without #) to be resolved at start, and ids as ids', () => {
    expect(configOf({ QLIK_SUPPORT_CHANNELS: '#qlik-support, C0123ABCD, it_help' }).slack.supportChannels).toEqual([
      { name: 'qlik-support' },
      { id: 'C0123ABCD' },
      { name: 'it_help' },
    ]);
  });

  it('shows a relative QLIK_CERT_DIR and QLIK_KB_DIR as absolute paths, from the working folder', () => {
    const config = readConfig({ QLIK_CERT_DIR: 'certs/qs1', QLIK_KB_DIR: './kb' }, { cwd: '/srv/qlik-sessions' });
    expect(config.ok && config.config.qlik.certDir).toBe('/srv/qlik-sessions/certs/qs1');
    expect(config.ok && config.config.qlik.kbDir).toBe('/srv/qlik-sessions/kb');
    expect(configOf({ QLIK_CERT_DIR: '/etc/qlik' }).qlik.certDir).toBe('/etc/qlik');
  });

  it('reads the proxy settings in upper or lower case, the upper-case one first', () => {
    const lower = configOf({ https_proxy: 'http://proxy.corp:3128', no_proxy: 'QS1.corp, .internal' });
    expect(lower.ops).toEqual({
      healthPort: undefined,
      httpsProxy: 'http://proxy.corp:3128',
      noProxy: ['qs1.corp', '.internal'],
    });
    expect(configOf({ HTTPS_PROXY: 'http://upper:1', https_proxy: 'http://lower:2' }).ops.httpsProxy).toBe(
      'http://upper:1',
    );
  });
});

describe('QLIK_TIME_ZONE', () => {
  it('defaults to UTC and takes an IANA zone', () => {
    expect(configOf({}).timeZone).toBe('UTC');
    expect(configOf({ QLIK_TIME_ZONE: 'Europe/Berlin' }).timeZone).toBe('Europe/Berlin');
  });

  it('refuses a zone Intl does not know, saying what to set', () => {
    const result = readConfig({ QLIK_TIME_ZONE: 'CET+1' });
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors).toEqual([
      'QLIK_TIME_ZONE must be an IANA time zone such as Europe/Berlin or UTC',
    ]);
  });
});

describe('.env.example', () => {
  const example = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');

  it('lists every variable readConfig reads, one line each', () => {
    const listed = example.split('\n').flatMap((line) => /^(?:# )?([A-Z][A-Z0-9_]+)=/.exec(line)?.[1] ?? []);
    expect([...listed].sort()).toEqual([...CONFIG_VARIABLES].sort());
  });

  it('loads in a shell as it says, into a valid configuration that discovers virtual proxies', () => {
    const dump = execFileSync('bash', ['-c', 'set -a; . ./.env.example; set +a; exec env -0'], {
      cwd: new URL('../..', import.meta.url),
      env: {},
      encoding: 'utf8',
    });
    const env = Object.fromEntries(
      dump
        .split('\0')
        .filter((pair) => pair.includes('='))
        .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
    );
    const config = configOf(env);
    expect(config.qlik.apiUser).toEqual({ directory: 'INTERNAL', id: 'sa_api' });
    expect(config.qlik.virtualProxies).toBeUndefined();
  });
});
