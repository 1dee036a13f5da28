import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../../src/main.js';
import { readConfig } from '../../../src/config/index.js';
import {
  closedPortUrl,
  createTestCertificates,
  startFakeQlikSite,
  type FakeQlikSite,
  type FakeSession,
  type NodeSessions,
  type TestCertificates,
} from '../../support/fake-qlik-servers.js';
import { hasSharedFixture, sharedPath } from '../../support/shared-fixtures.js';
import { buttonClickForm, form, payload, postSigned, SIGNING_SECRET } from '../../support/signed-slack-request.js';
import { recordingLogger, type RecordingLogger } from '../../support/slack-harness.js';
import { startSlackStandIn, textOf, type RecordedCall, type SlackStandIn } from '../../support/slack-stand-in.js';

/**
 * Issue 6 in Slack with real parts only: the production composition root (startSlackApp) reads QLIK_* and
 * QLIK_ADMINS, builds the real createLiveQlik over client certificates, and talks to real HTTPS fake Qlik
 * servers (two proxy nodes, virtual proxies '' and 'sales', a repository) and to the local Slack stand-in.
 */

const ADMIN = 'UADMIN01';
const SUPPORT = 'U2CERLKJA';
const MWEBER = 'CORP\\mweber';
const DENIAL_LINE =
  "Access was denied for User: 'CORP\\mweber', with AccessID '264ff070-6306-4f1b-85db-21a8468939b5', SessionID: 'e3cd957b-a501-4bec-a3f8-d35170a73efa', SessionCount: '5', Hostname: '::1', OperationType: 'UsageDenied'";
const MASS_MENTION = /<!(channel|here|everyone)|<!subteam|<@U/;

const mweber = (sessionId: string): FakeSession => ({ sessionId, userDirectory: 'CORP', userId: 'mweber' });
const ajones: FakeSession = { sessionId: 'n1-ajones', userDirectory: 'CORP', userId: 'ajones' };

/** CORP\mweber holds five sessions spread over both nodes and both virtual proxies; CORP\ajones one. */
function freshSessions(): NodeSessions[] {
  return [
    { '': [mweber('n1-default-a'), mweber('n1-default-b'), ajones], sales: [mweber('n1-sales-a')] },
    { '': [mweber('n2-default-a')], sales: [mweber('n2-sales-a')] },
  ];
}

/** Puts the five sessions back in place (the servers hold the same objects), and forgets recorded requests. */
function refill(site: FakeQlikSite): void {
  freshSessions().forEach((node, index) => {
    const target = site.sessions[index];
    if (target === undefined) throw new Error(`no node ${index}`);
    for (const [prefix, sessions] of Object.entries(node)) target[prefix] = sessions;
  });
  for (const server of [...site.proxies, site.repository]) server.requests.length = 0;
}

interface Button {
  readonly action_id?: string;
  readonly value?: string;
  readonly text?: { readonly text: string };
  readonly style?: string;
  readonly confirm?: {
    readonly title: { text: string };
    readonly text: { text: string };
    readonly confirm: { text: string };
    readonly deny: { text: string };
  };
}

function buttonsOf(call: RecordedCall | undefined): Button[] {
  const blocks = (call?.args['blocks'] ?? []) as { type: string; elements?: Button[] }[];
  return blocks.filter((block) => block.type === 'actions').flatMap((block) => block.elements ?? []);
}

const endButton = (call: RecordedCall | undefined) =>
  buttonsOf(call).find((button) => button.action_id === 'qlik_sessions_end_sessions');

interface LiveSlack {
  readonly eventsUrl: string;
  readonly slack: SlackStandIn;
  readonly logger: RecordingLogger;
  settled(): Promise<void>;
  close(): Promise<void>;
}

/** The real `serve` composition: settings from the environment, live Qlik built from them, Bolt on a free port. */
async function startLiveSlack(site: FakeQlikSite, proxyUrls?: readonly string[]): Promise<LiveSlack> {
  const slack = await startSlackStandIn();
  const read = readConfig({
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: `${slack.url}/api/`,
    QLIK_ADMINS: ADMIN,
    QLIK_SERVICE_ACCOUNTS: 'DOMAIN\\qvservice',
    LOG_LEVEL: 'error',
    ...site.env(proxyUrls === undefined ? {} : { QLIK_PROXY_URLS: proxyUrls.join(',') }),
  });
  if (!read.ok) throw new Error(read.errors.join('; '));
  const logger = recordingLogger();
  const started = await buildApp(read.config, { logger, webApiRetries: 0 }).startSlack({ port: 0 });
  if (!started.ok) throw new Error(started.error);
  const { app } = started;
  return {
    eventsUrl: `http://127.0.0.1:${started.port ?? 0}/slack/events`,
    slack,
    logger,
    settled: () => vi.waitFor(() => expect(app.inFlight()).toBe(0), { timeout: 20_000, interval: 20 }),
    close: async () => {
      await app.stop();
      await slack.close();
    },
  };
}

let sequence = 0;

/** A message event on the real payload, with fresh ids. */
function messageEvent(channel: string, user: string, text: string): string {
  const base = payload('message-channels.json');
  sequence += 1;
  const ts = `${Math.floor(Date.now() / 1000)}.${String(sequence).padStart(6, '0')}`;
  return JSON.stringify({
    ...base,
    event_id: `EvLive${Date.now().toString(36)}${sequence}`,
    event_time: Math.floor(Date.now() / 1000),
    event: { ...(base['event'] as object), channel, user, text, ts, event_ts: ts },
  });
}

/** The slash command as Slack posts it, with a response_url on the stand-in unique to this call. */
function slash(live: LiveSlack, text: string, user: string): { body: string; path: string } {
  sequence += 1;
  const path = `/commands/T1DC2JH3J/${sequence}`;
  const body = form({
    token: 'xyzz0WbapA4vBCDEFasx0q6G',
    team_id: 'T1DC2JH3J',
    team_domain: 'testteamnow',
    channel_id: 'C0SUPPORT',
    channel_name: 'qlik-support',
    user_id: user,
    user_name: user === ADMIN ? 'admin' : 'support',
    command: '/qlik-sessions',
    text,
    api_app_id: 'A123ABC456',
    is_enterprise_install: 'false',
    response_url: `${live.slack.url}${path}`,
    trigger_id: '398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c',
  });
  return { body, path };
}

/** Posts a signed form and returns the one answer it got on its own response_url path. */
async function answerTo(live: LiveSlack, body: string, path: string): Promise<RecordedCall | undefined> {
  const response = await postSigned(live.eventsUrl, body, { contentType: 'application/x-www-form-urlencoded' });
  expect(response.status).toBe(200);
  await live.settled();
  const answers = live.slack.callsTo('response_url').filter((call) => call.path === path);
  expect(answers).toHaveLength(1);
  return answers[0];
}

async function command(live: LiveSlack, text: string, user: string): Promise<RecordedCall | undefined> {
  const { body, path } = slash(live, text, user);
  return answerTo(live, body, path);
}

/** A block_actions payload as Slack sends it after the confirmation dialog; a test can forge one for anybody. */
async function click(live: LiveSlack, value: string, user: string): Promise<RecordedCall | undefined> {
  sequence += 1;
  const path = `/actions/T111/${sequence}`;
  const body = buttonClickForm({
    actionId: 'qlik_sessions_end_sessions',
    value,
    user,
    channel: { id: 'C0SUPPORT', name: 'qlik-support' },
    responseUrl: `${live.slack.url}${path}`,
  });
  return answerTo(live, body, path);
}

async function verdictIn(live: LiveSlack, channel: string, user: string): Promise<RecordedCall | undefined> {
  await postSigned(live.eventsUrl, messageEvent(channel, user, DENIAL_LINE));
  await live.settled();
  const posts = live.slack.callsTo('chat.postMessage').filter((call) => call.args['channel'] === channel);
  expect(posts).toHaveLength(1);
  return posts[0];
}

function deletes(site: FakeQlikSite): string[] {
  return site.proxies
    .flatMap((proxy) =>
      proxy.requests.filter((request) => request.method === 'DELETE').map((request) => `${proxy.url}${request.path}`),
    )
    .sort();
}

const hasFixtures = hasSharedFixture(sharedPath('fixtures', 'slack', 'payloads'));

describe.skipIf(!hasFixtures)(
  'Slack with live Qlik Sense: real createLiveQlik, real HTTPS servers demanding client certificates',
  () => {
    let certificates: TestCertificates;
    let site: FakeQlikSite;
    let live: LiveSlack;
    let node1 = '';
    let node2 = '';

    beforeAll(async () => {
      certificates = createTestCertificates();
      site = await startFakeQlikSite({
        certificates,
        sessions: freshSessions(),
        repository: {
          virtualProxies: ['', 'sales'],
          allocations: {
            professional: [
              { id: 'prof-qvservice', userDirectory: 'DOMAIN', userId: 'qvservice' },
              { id: 'prof-mweber', userDirectory: 'CORP', userId: 'mweber' },
            ],
            login: [{ id: 'login-mweber', userDirectory: 'CORP', userId: 'mweber' }],
          },
        },
      });
      [node1 = '', node2 = ''] = site.proxies.map((proxy) => proxy.url);
      live = await startLiveSlack(site);
    });

    afterAll(async () => {
      await live?.close();
      await site?.close();
      certificates?.remove();
    });

    beforeEach(() => {
      refill(site);
      for (const proxy of site.proxies) proxy.override = undefined;
    });

    it('answers /qlik-sessions sessions with the total across both nodes and both virtual proxies, ephemerally', async () => {
      const answer = await command(live, `sessions ${MWEBER}`, SUPPORT);
      expect(answer?.args['response_type']).toBe('ephemeral');
      const text = textOf(answer);
      expect(text).toContain('CORP\\mweber has 5 live sessions: at the limit of 5');
      const table = text.replace(/ +/g, ' ');
      for (const row of [`${node1} (default) 2`, `${node1} sales 1`, `${node2} (default) 1`, `${node2} sales 1`])
        expect(table).toContain(row);
      // Every node was asked for every virtual proxy discovered in the repository, with the certificate, Xrfkey and X-Qlik-User.
      for (const proxy of site.proxies) {
        expect(proxy.requests.map((request) => request.path).sort()).toEqual([
          '/qps/sales/user/CORP/mweber',
          '/qps/user/CORP/mweber',
        ]);
        expect(proxy.refusals).toEqual([]);
        expect(
          proxy.requests.every(
            (request) =>
              request.clientName === 'QlikClient' &&
              request.headers['x-qlik-user'] === 'UserDirectory=INTERNAL; UserId=sa_api',
          ),
        ).toBe(true);
      }
      expect(site.repository.requests.map((request) => request.path)).toContain('/qrs/virtualproxyconfig/full');
      expect(endButton(answer)).toBeUndefined();
    });

    it('offers an admin the "End sessions" button with a confirmation dialog', async () => {
      const answer = await command(live, `sessions ${MWEBER}`, ADMIN);
      const button = endButton(answer);
      expect(button?.value).toBe(MWEBER);
      expect(button?.style).toBe('danger');
      expect(button?.text?.text).toContain('End');
      expect(button?.confirm?.title.text).toBe('End sessions?');
      expect(button?.confirm?.text.text).toContain(
        'End all 5 live proxy sessions of CORP\\mweber on every proxy node?',
      );
      expect(button?.confirm?.confirm.text).toBe('End sessions');
      expect(button?.confirm?.deny.text).toBe('Cancel');
    });

    it('answers /qlik-sessions licenses with the allocations from the repository', async () => {
      const answer = await command(live, `licenses ${MWEBER}`, SUPPORT);
      expect(answer?.args['response_type']).toBe('ephemeral');
      const text = textOf(answer);
      expect(text).toContain('CORP\\mweber holds professional access, login access.');
      expect(text).toContain('prof-mweber');
      expect(text).toContain('login-mweber');
      expect(text).not.toContain('prof-qvservice');
    });

    it('answers /qlik-sessions doctor with the licensed service account as a problem', async () => {
      const answer = await command(live, 'doctor', SUPPORT);
      expect(answer?.args['response_type']).toBe('ephemeral');
      const text = textOf(answer);
      expect(text).toContain('1 problem found on this site');
      expect(text).toMatch(/problem\s+service-account-licensed\s+DOMAIN\\qvservice/);
      expect(text).toContain('All 2 proxy nodes answered for 2 virtual proxies.');
    });

    it('adds the live session count to a pasted log verdict, without the button for a non-admin', async () => {
      const verdict = await verdictIn(live, 'CLIVE0001', SUPPORT);
      const text = textOf(verdict);
      expect(text).toContain('CORP\\mweber hit the limit of 5 parallel sessions');
      expect(text).toContain('*Right now*\nCORP\\mweber has 5 live sessions (the limit is 5).');
      expect(endButton(verdict)).toBeUndefined();
    });

    it('adds the button with its confirmation dialog to the verdict for an admin', async () => {
      const verdict = await verdictIn(live, 'CLIVE0002', ADMIN);
      expect(textOf(verdict)).toContain('CORP\\mweber has 5 live sessions (the limit is 5).');
      expect(endButton(verdict)?.confirm?.text.text).toContain('End all 5 live proxy sessions of CORP\\mweber');
    });

    it('ends the sessions on every node and virtual proxy when an admin clicks, and logs who, whom and how many', async () => {
      const answer = await click(live, MWEBER, ADMIN);
      expect(answer?.args['response_type']).toBe('ephemeral');
      expect(textOf(answer)).toContain('Ended 5 sessions of CORP\\mweber.');
      expect(deletes(site)).toEqual(
        [
          `${node1}/qps/user/CORP/mweber`,
          `${node1}/qps/sales/user/CORP/mweber`,
          `${node2}/qps/user/CORP/mweber`,
          `${node2}/qps/sales/user/CORP/mweber`,
        ].sort(),
      );
      expect(live.logger.lines).toContain(
        'info end-sessions requested_by=UADMIN01 user=CORP\\mweber ended=5 failed_nodes=0',
      );
      // The fake nodes really dropped them: only CORP\ajones is left.
      expect(site.sessions.flatMap((node) => Object.values(node).flat())).toEqual([ajones]);
      expect(textOf(await command(live, `sessions ${MWEBER}`, ADMIN))).toContain('CORP\\mweber has 0 live sessions');
    });

    it('refuses a click forged by a non-admin: nothing is deleted and the refusal is logged', async () => {
      const answer = await click(live, MWEBER, SUPPORT);
      expect(textOf(answer)).toContain('Only the people listed in QLIK_ADMINS can end sessions');
      expect(deletes(site)).toEqual([]);
      expect(site.proxies.flatMap((proxy) => proxy.requests)).toEqual([]);
      expect(live.logger.lines).toContain(
        'warn end-sessions refused requested_by=U2CERLKJA user=CORP\\mweber reason=not-admin',
      );
      expect(site.sessions[0]?.['']).toHaveLength(3);
    });

    it('refuses a forged click carrying something other than DIRECTORY\\user, contacting no node', async () => {
      const answer = await click(live, 'mweber', ADMIN);
      expect(textOf(answer)).toContain('is not a Qlik user name');
      expect(site.proxies.flatMap((proxy) => proxy.requests)).toEqual([]);
    });

    it('never puts a mention from input into a reply, nor a message body or token into the log', async () => {
      const hostile = textOf(await command(live, 'sessions CORP\\<!channel>', ADMIN));
      expect(hostile).toContain('CORP\\&lt;!channel&gt; has 0 live sessions');
      for (const call of live.slack.calls.filter((recorded) => recorded.method !== 'auth.test'))
        expect(JSON.stringify(call.args)).not.toMatch(MASS_MENTION);
      const log = live.logger.lines.join('\n');
      expect(log).not.toContain('xoxb-');
      expect(log).not.toContain('Access was denied');
    });

    it('explains a node that answers 403 (certificate or Xrfkey) and leaves it out of a total said to be partial', async () => {
      const second = site.proxies[1];
      if (second === undefined) throw new Error('two nodes expected');
      second.override = () => ({ status: 403, body: '' });
      const text = textOf(await command(live, `sessions ${MWEBER}`, SUPPORT));
      expect(text).toContain('CORP\\mweber has 3 live sessions on the nodes that answered (the limit is 5).');
      expect(text).toContain(
        `${node2} did not answer, so its sessions are missing from the count: ${node2} answered 403 Forbidden to GET /qps/user/CORP/mweber.`,
      );
      expect(text).toContain('Usually the client certificate was not accepted or the Xrfkey did not match');
    });

    describe('with one proxy node down', () => {
      let partial: LiveSlack;
      let down = '';

      beforeAll(async () => {
        down = await closedPortUrl();
        partial = await startLiveSlack(site, [node1, down]);
      });

      afterAll(async () => {
        await partial?.close();
      });

      it('/qlik-sessions sessions gives a partial total and names the node that did not answer', async () => {
        const text = textOf(await command(partial, `sessions ${MWEBER}`, SUPPORT));
        expect(text).toContain('CORP\\mweber has 3 live sessions on the nodes that answered (the limit is 5).');
        expect(text).toContain(
          `${down} did not answer, so its sessions are missing from the count: ${down} refused the connection.`,
        );
        expect(text).toContain(`${down} (virtual proxy sales) did not answer`);
        expect(text).not.toContain('has 5 live sessions');
      });

      it('a verdict says the live count is partial and names the node', async () => {
        const text = textOf(await verdictIn(partial, 'CLIVEDOWN', SUPPORT));
        expect(text).toContain('CORP\\mweber has 3 live sessions on the nodes that answered (the limit is 5).');
        expect(text).toContain(`${down} did not answer, so its sessions are missing from the count`);
      });

      it('/qlik-sessions doctor names the unreachable node', async () => {
        const text = textOf(await command(partial, 'doctor', SUPPORT));
        expect(text).toMatch(/problem\s+proxy-unreachable/);
        expect(text).toContain(`Proxy node ${down}, default virtual proxy: ${down} refused the connection.`);
      });

      it('ending says which node still holds its sessions, and the log counts the failed ones', async () => {
        const text = textOf(await click(partial, MWEBER, ADMIN));
        expect(text).toContain(
          'Ended 3 sessions of CORP\\mweber on the nodes that answered; the others still hold theirs.',
        );
        expect(text).toContain(`${down} did not answer`);
        expect(deletes(site)).toEqual([`${node1}/qps/sales/user/CORP/mweber`, `${node1}/qps/user/CORP/mweber`]);
        expect(partial.logger.lines).toContain(
          'info end-sessions requested_by=UADMIN01 user=CORP\\mweber ended=3 failed_nodes=2',
        );
        expect(site.sessions[1]?.['']).toEqual([mweber('n2-default-a')]);
      });
    });

    describe('with every proxy node down', () => {
      let dark: LiveSlack;
      let downs: string[] = [];

      beforeAll(async () => {
        downs = [await closedPortUrl(), await closedPortUrl()];
        dark = await startLiveSlack(site, downs);
      });

      afterAll(async () => {
        await dark?.close();
      });

      it('/qlik-sessions sessions gives no total, and says why for each node', async () => {
        const text = textOf(await command(dark, `sessions ${MWEBER}`, SUPPORT));
        expect(text).toContain(
          'I could not count the sessions of CORP\\mweber: No proxy node answered, so there is no count:',
        );
        for (const down of downs)
          expect(text).toContain(`${down} (default virtual proxy): ${down} refused the connection.`);
        expect(text).not.toMatch(/has \d+ live session/);
      });

      it('a verdict for an admin says the live count is not available, and offers no button', async () => {
        const verdict = await verdictIn(dark, 'CLIVEDARK', ADMIN);
        expect(textOf(verdict)).toContain(
          'The live session count of CORP\\mweber is not available: No proxy node answered',
        );
        expect(endButton(verdict)).toBeUndefined();
      });

      it('a click ends nothing, says why, and the log says who asked and whom', async () => {
        const text = textOf(await click(dark, MWEBER, ADMIN));
        expect(text).toContain('I could not end the sessions of CORP\\mweber: No proxy node answered');
        expect(dark.logger.lines).toContain(
          'warn end-sessions failed requested_by=UADMIN01 user=CORP\\mweber code=connection-refused',
        );
        expect(site.sessions.flatMap((node) => Object.values(node).flat())).toHaveLength(6);
      });
    });
  },
);
