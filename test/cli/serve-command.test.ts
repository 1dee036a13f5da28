import { createServer } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createServeCommand } from '../../src/cli/serve-command.js';
import type { Environment } from '../../src/config/index.js';
import { capturedIo } from '../support/captured-cli-io.js';
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

/** A promise with its resolve function outside, to trigger things from the test. */
function gate<T = void>(): { promise: Promise<T>; open: (value: T) => void } {
  let open!: (value: T) => void;
  const promise = new Promise<T>((resolve) => (open = resolve));
  return { promise, open };
}

describe('qlik-sessions serve: settings', () => {
  it.for([
    { name: 'no bot token', env: {}, says: ['SLACK_BOT_TOKEN', 'OAuth & Permissions'] },
    {
      name: 'no way to receive events',
      env: { SLACK_BOT_TOKEN: 'xoxb-1' },
      says: ['SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET'],
    },
    {
      name: 'a malformed bot token',
      env: { SLACK_BOT_TOKEN: 'abc', SLACK_APP_TOKEN: 'xapp-1' },
      says: ['SLACK_BOT_TOKEN must be the bot token (xoxb-...)'],
    },
    {
      name: 'a malformed app token',
      env: { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xoxb-2' },
      says: ['SLACK_APP_TOKEN must be an app-level token'],
    },
    {
      name: 'a bad port',
      env: { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', PORT: 'eighty' },
      says: ['PORT must be a port number'],
    },
  ] satisfies { name: string; env: Environment; says: string[] }[])(
    'stops with exit 2 on $name, naming the variable and the fix',
    async ({ env, says }) => {
      const captured = capturedIo(env);
      expect(await createServeCommand(() => new Promise(() => undefined)).run([], captured.io)).toBe(2);
      for (const text of says) expect(captured.stderr()).toContain(text);
    },
  );

  it('refuses arguments', async () => {
    const captured = capturedIo({});
    expect(await createServeCommand().run(['--bogus'], captured.io)).toBe(2);
    expect(captured.stderr()).toContain('Usage: qlik-sessions serve');
  });
});

describe('qlik-sessions serve over HTTP against a stand-in Slack', () => {
  let slack: SlackStandIn;
  let env: Environment;
  let port: number;

  beforeEach(async () => {
    slack = await startSlackStandIn();
    port = await freePort();
    env = {
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: `${slack.url}/api/`,
      SLACK_FILE_HOSTS: slack.host,
      PORT: String(port),
      LOG_LEVEL: 'info',
    };
  });
  afterEach(async () => {
    await slack.close();
  });

  it('stops with exit 2 when Slack refuses the bot token', async () => {
    slack.authError = 'invalid_auth';
    const captured = capturedIo(env);
    expect(await createServeCommand(() => new Promise(() => undefined)).run([], captured.io)).toBe(2);
    expect(captured.stderr()).toContain('Slack refused SLACK_BOT_TOKEN');
  });

  it('finishes a reply in flight after SIGTERM, then exits 0', async () => {
    const stop = gate<string>();
    const release = gate();
    const line =
      "Access was denied for User: 'CORP\\mweber', with AccessID '264ff070-6306-4f1b-85db-21a8468939b5', SessionID: 'e3cd957b-a501-4bec-a3f8-d35170a73efa', SessionCount: '5', Hostname: '::1', OperationType: 'UsageDenied'\n";
    slack.files.set('slow/audit.log', {
      body: async function* () {
        yield Buffer.from(line);
        await release.promise;
        yield Buffer.from(line);
      },
    });
    const captured = capturedIo(env);
    let exited = false;
    const running = createServeCommand(() => stop.promise)
      .run([], captured.io)
      .finally(() => (exited = true));
    await vi.waitFor(async () => expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200), {
      timeout: 20_000,
      interval: 50,
    });

    const ts = `${Math.floor(Date.now() / 1000)}.000100`;
    const file = {
      id: 'F0SLOW',
      name: 'AuditSecurity_Repository.txt',
      mimetype: 'text/plain',
      url_private_download: `${slack.url}/files-pri/slow/audit.log`,
    };
    const body = JSON.stringify({
      type: 'event_callback',
      event_id: 'EvSLOW1',
      event_time: Math.floor(Date.now() / 1000),
      event: {
        type: 'message',
        subtype: 'file_share',
        channel: 'DSLOW0001',
        channel_type: 'im',
        user: 'U1',
        text: '',
        ts,
        files: [file],
      },
    });
    expect((await postSigned(`http://127.0.0.1:${port}/slack/events`, body)).status).toBe(200);
    await vi.waitFor(() => expect(slack.callsTo('file')).toHaveLength(1), { timeout: 20_000, interval: 20 });

    stop.open('SIGTERM');
    await vi.waitFor(() => expect(captured.stderr()).toContain('SIGTERM: stopping; finishing 1 replies in flight'), {
      timeout: 20_000,
      interval: 20,
    });
    expect(exited).toBe(false);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(0);

    release.open();
    expect(await running).toBe(0);
    const posts = slack.callsTo('chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.args['thread_ts']).toBe(ts);
    expect(captured.stderr()).toContain('serving Slack over HTTP on port');
    expect(captured.stderr()).not.toContain('xoxb-');
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  });
});
