import { EventEmitter } from 'node:events';
import { createServer } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createServeCommand } from '../../src/cli/serve-command.js';
import type { Environment } from '../../src/config/index.js';
import { capturedIo } from '../support/captured-cli-io.js';
import { startConnectProxy, type ConnectProxy } from '../support/connect-proxy.js';
import {
  closedPortUrl,
  createTestCertificates,
  startFakeQlikSite,
  type FakeQlikSite,
  type TestCertificates,
} from '../support/fake-qlik-servers.js';
import { startFakeSocketModeServer, type FakeSocketModeServer } from '../support/fake-socket-mode-server.js';
import { allLabelValues, parsePrometheusText, sampleValue } from '../support/prometheus-text.js';
import { postSigned, SIGNING_SECRET } from '../support/signed-slack-request.js';
import { startSlackStandIn, type SlackStandIn } from '../support/slack-stand-in.js';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

function gate(): { promise: Promise<string>; open: (signal: string) => void } {
  let open!: (signal: string) => void;
  const promise = new Promise<string>((resolve) => (open = resolve));
  return { promise, open };
}

interface Running {
  readonly captured: ReturnType<typeof capturedIo>;
  readonly exit: Promise<number>;
  readonly events: EventEmitter;
  stop(): Promise<number>;
  /** Every line on stderr, parsed: the server writes JSON lines only. */
  logLines(): Record<string, unknown>[];
}

function serve(env: Environment): Running {
  const captured = capturedIo(env);
  const stop = gate();
  const events = new EventEmitter();
  const exit = createServeCommand(() => stop.promise, events).run([], captured.io);
  return {
    captured,
    exit,
    events,
    stop: () => {
      stop.open('SIGTERM');
      return exit;
    },
    logLines: () =>
      captured
        .stderr()
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

async function getJson(url: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

function directMessage(n: number, text: string): string {
  const ts = `${Math.floor(Date.now() / 1000)}.00${n}000`;
  return JSON.stringify({
    type: 'event_callback',
    event_id: `EvOPS${n}${Date.now()}`,
    event_time: Math.floor(Date.now() / 1000),
    event: { type: 'message', channel: 'DOPS00001', channel_type: 'im', user: 'UOPSUSER1', text, ts, event_ts: ts },
  });
}

describe('qlik-sessions serve over HTTP: health, readiness, metrics, JSON logs', () => {
  let slack: SlackStandIn;
  let port: number;
  let running: Running;

  beforeAll(async () => {
    slack = await startSlackStandIn();
    port = await freePort();
    running = serve({
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: `${slack.url}/api/`,
      PORT: String(port),
      LOG_LEVEL: 'debug',
    });
    await vi.waitFor(async () => expect((await getJson(`http://127.0.0.1:${port}/readyz`)).status).toBe(200), {
      timeout: 20_000,
      interval: 50,
    });
  });
  afterAll(async () => {
    expect(await running.stop()).toBe(0);
    await slack.close();
  });

  it('answers /healthz and /readyz beside /slack/events', async () => {
    expect(await getJson(`http://127.0.0.1:${port}/healthz`)).toEqual({ status: 200, body: { ok: true } });
    expect(await getJson(`http://127.0.0.1:${port}/readyz`)).toEqual({
      status: 200,
      body: { ok: true, checks: { slack: { ok: true } } },
    });
  });

  it('counts answered events in /metrics, as Prometheus text, with no user or channel in a label', async () => {
    expect((await postSigned(`http://127.0.0.1:${port}/slack/events`, directMessage(1, 'help'))).status).toBe(200);
    await vi.waitFor(() => expect(slack.callsTo('chat.postMessage')).toHaveLength(1), {
      timeout: 20_000,
      interval: 20,
    });
    await vi.waitFor(
      async () => {
        const response = await fetch(`http://127.0.0.1:${port}/metrics`);
        expect(response.headers.get('content-type')).toContain('text/plain');
        const families = parsePrometheusText(await response.text());
        expect(
          sampleValue(families, 'qlik_sessions_events_total', { kind: 'direct-message', outcome: 'answered' }),
        ).toBe(1);
      },
      { timeout: 10_000, interval: 50 },
    );
    const families = parsePrometheusText(await (await fetch(`http://127.0.0.1:${port}/metrics`)).text());
    for (const name of [
      'qlik_sessions_replies_failed_total',
      'qlik_sessions_analyses_total',
      'qlik_sessions_analysis_queue_depth',
      'qlik_sessions_qlik_calls_total',
      'qlik_sessions_watch_alerts_total',
    ]) {
      expect(families.map((family) => family.name)).toContain(name);
    }
    expect(families.some((family) => family.name === 'qlik_sessions_process_resident_memory_bytes')).toBe(true);
    expect(allLabelValues(families).filter((value) => /UOPSUSER1|DOPS00001/.test(value))).toEqual([]);
  });

  it('counts an analysis (outcome, bytes, duration) run in the worker pool', async () => {
    const line =
      "Access was denied for User: 'CORP\\mweber', with AccessID 'a', SessionID: 'b', SessionCount: '5', Hostname: '::1', OperationType: 'UsageDenied'";
    expect(
      (await postSigned(`http://127.0.0.1:${port}/slack/events`, directMessage(2, `analyze\n${line}`))).status,
    ).toBe(200);
    await vi.waitFor(
      async () => {
        const families = parsePrometheusText(await (await fetch(`http://127.0.0.1:${port}/metrics`)).text());
        expect(sampleValue(families, 'qlik_sessions_analyses_total', { outcome: 'ok' })).toBeGreaterThanOrEqual(1);
        expect(sampleValue(families, 'qlik_sessions_analysis_bytes_total')).toBeGreaterThan(0);
        expect(sampleValue(families, 'qlik_sessions_analysis_duration_seconds')).toBeGreaterThanOrEqual(1);
      },
      { timeout: 20_000, interval: 100 },
    );
  });

  it("writes its own lines and Bolt's as JSON, without the tokens or the message", () => {
    const lines = running.logLines();
    expect(
      lines.some(
        (line) =>
          line['msg'] ===
          'serving Slack over HTTP on port ' + port + ' at /slack/events (GET /healthz, /readyz, /metrics)',
      ),
    ).toBe(true);
    expect(lines.some((line) => line['component'] === 'bolt')).toBe(true);
    expect(running.captured.stderr()).not.toMatch(/xoxb-|help"/);
  });

  it('logs an unhandled rejection as an error and keeps serving', async () => {
    running.events.emit('unhandledRejection', new Error('lost promise'));
    expect(running.logLines().at(-1)).toMatchObject({
      level: 'error',
      reason: 'Error: lost promise',
      msg: expect.stringContaining('still serving'),
    });
    expect((await getJson(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
  });
});

describe('qlik-sessions serve over Socket Mode: health on HEALTH_PORT', () => {
  let slack: SlackStandIn;
  let socket: FakeSocketModeServer;

  beforeEach(async () => {
    slack = await startSlackStandIn();
    socket = await startFakeSocketModeServer();
  });
  afterEach(async () => {
    await socket.close();
    await slack.close();
  });

  it('serves /healthz at once, /readyz 503 until the WebSocket is up, then 200; closes the port on stop', async () => {
    const healthPort = await freePort();
    const running = serve({
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_APP_TOKEN: 'xapp-test-token',
      SLACK_API_URL: `${slack.url}/api/`,
      HEALTH_PORT: String(healthPort),
    });
    const base = `http://127.0.0.1:${healthPort}`;
    await vi.waitFor(async () => expect((await getJson(`${base}/healthz`)).status).toBe(200), {
      timeout: 20_000,
      interval: 20,
    });
    // apps.connections.open has no URL to hand out yet: Slack is not connected.
    const notYet = await getJson(`${base}/readyz`);
    expect(notYet.status).toBe(503);
    expect(notYet.body).toMatchObject({ ok: false, checks: { slack: { ok: false } } });
    slack.socketModeUrl = socket.url;
    await vi.waitFor(async () => expect((await getJson(`${base}/readyz`)).status).toBe(200), {
      timeout: 30_000,
      interval: 100,
    });
    expect(parsePrometheusText(await (await fetch(`${base}/metrics`)).text()).length).toBeGreaterThan(0);
    expect((await fetch(`${base}/nothing`)).status).toBe(404);
    expect(await running.stop()).toBe(0);
    await vi.waitFor(() => expect(socket.connections()).toBe(0), { timeout: 10_000, interval: 20 });
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
  });

  it('stops with exit 2 and the fix when HEALTH_PORT is taken', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, resolve));
    const address = taken.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    const running = serve({
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_APP_TOKEN: 'xapp-test-token',
      SLACK_API_URL: `${slack.url}/api/`,
      HEALTH_PORT: String(port),
    });
    expect(await running.exit).toBe(2);
    expect(running.captured.stderr()).toContain(`HEALTH_PORT ${port} cannot be used`);
    await new Promise((resolve) => taken.close(resolve));
  });
});

describe('qlik-sessions serve: /readyz checks the Qlik APIs when they are configured', () => {
  let certificates: TestCertificates;
  let site: FakeQlikSite;
  let slack: SlackStandIn;

  beforeAll(async () => {
    certificates = createTestCertificates();
    site = await startFakeQlikSite({
      certificates,
      sessions: [{ '': [] }],
      repository: { virtualProxies: [''], allocations: {} },
    });
    slack = await startSlackStandIn();
  });
  afterAll(async () => {
    await slack.close();
    await site.close();
    certificates.remove();
  });

  it.for([
    { name: 'repository and proxy answer', down: false },
    { name: 'the only proxy node is down', down: true },
  ])('$name', async ({ down }) => {
    const port = await freePort();
    const qlik = site.env(
      down ? { QLIK_PROXY_URLS: await closedPortUrl(), QLIK_REPOSITORY_URL: await closedPortUrl() } : {},
    );
    const running = serve({
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: `${slack.url}/api/`,
      PORT: String(port),
      ...qlik,
    });
    await vi.waitFor(async () => expect((await getJson(`http://127.0.0.1:${port}/healthz`)).status).toBe(200), {
      timeout: 20_000,
      interval: 50,
    });
    const ready = await getJson(`http://127.0.0.1:${port}/readyz`);
    expect(ready.status).toBe(down ? 503 : 200);
    expect(ready.body['checks']).toMatchObject({ slack: { ok: true }, qlik: { ok: !down } });
    const families = parsePrometheusText(await (await fetch(`http://127.0.0.1:${port}/metrics`)).text());
    const node = down ? (qlik['QLIK_PROXY_URLS'] ?? '') : (site.proxies[0]?.url ?? '');
    expect(
      sampleValue(families, 'qlik_sessions_qlik_calls_total', { node, outcome: down ? 'connection-refused' : 'ok' }),
    ).toBe(1);
    expect(await running.stop()).toBe(0);
  });
});

describe('qlik-sessions serve through HTTPS_PROXY (a real CONNECT proxy)', () => {
  let proxy: ConnectProxy;
  let slack: SlackStandIn;

  beforeEach(async () => {
    proxy = await startConnectProxy();
    slack = await startSlackStandIn();
  });
  afterEach(async () => {
    await slack.close();
    await proxy.close();
  });

  it('reaches the Slack Web API and the file host through the proxy tunnel', async () => {
    const port = await freePort();
    slack.files.set('proxied/audit.txt', {
      body: Buffer.from(
        "Access was denied for User: 'CORP\\mweber', with AccessID 'a', SessionID: 'b', SessionCount: '5', Hostname: '::1', OperationType: 'UsageDenied'\n",
      ),
    });
    const running = serve({
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: `${slack.url}/api/`,
      SLACK_FILE_HOSTS: slack.host,
      PORT: String(port),
      HTTPS_PROXY: proxy.url,
    });
    await vi.waitFor(async () => expect((await getJson(`http://127.0.0.1:${port}/readyz`)).status).toBe(200), {
      timeout: 20_000,
      interval: 50,
    });
    expect(proxy.tunnels).toContain(slack.host);
    const ts = `${Math.floor(Date.now() / 1000)}.000900`;
    const file = {
      id: 'F0PROXY',
      name: 'AuditSecurity_Repository.txt',
      mimetype: 'text/plain',
      url_private_download: `${slack.url}/files-pri/proxied/audit.txt`,
    };
    const body = JSON.stringify({
      type: 'event_callback',
      event_id: 'EvPROXY1',
      event_time: Math.floor(Date.now() / 1000),
      event: {
        type: 'message',
        subtype: 'file_share',
        channel: 'DPROXY001',
        channel_type: 'im',
        user: 'U1',
        text: '',
        ts,
        files: [file],
      },
    });
    const tunnelsBefore = proxy.tunnels.length;
    expect((await postSigned(`http://127.0.0.1:${port}/slack/events`, body)).status).toBe(200);
    await vi.waitFor(() => expect(slack.callsTo('chat.postMessage')).toHaveLength(1), {
      timeout: 20_000,
      interval: 20,
    });
    expect(slack.callsTo('file')).toHaveLength(1);
    // The download opened a tunnel of its own (node-fetch), the reply went through the Web API's (undici).
    expect(proxy.tunnels.length).toBeGreaterThan(tunnelsBefore);
    expect(await running.stop()).toBe(0);
  });

  it('goes direct to the hosts in NO_PROXY', async () => {
    const port = await freePort();
    const running = serve({
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: `${slack.url}/api/`,
      PORT: String(port),
      HTTPS_PROXY: proxy.url,
      NO_PROXY: '127.0.0.1',
    });
    await vi.waitFor(async () => expect((await getJson(`http://127.0.0.1:${port}/readyz`)).status).toBe(200), {
      timeout: 20_000,
      interval: 50,
    });
    expect(slack.callsTo('auth.test').length).toBeGreaterThan(0);
    expect(proxy.tunnels).toEqual([]);
    expect(await running.stop()).toBe(0);
  });
});
