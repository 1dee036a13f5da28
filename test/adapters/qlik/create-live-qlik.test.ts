import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLiveQlik } from '../../../src/adapters/qlik/index.js';
import type { LiveResult } from '../../../src/core/live/index.js';
import {
  closedPortUrl,
  createTestCertificates,
  startFakeQlikSite,
  type FakeQlikSite,
  type NodeSessions,
  type RepositoryState,
  type TestCertificates,
} from '../../support/fake-qlik-servers.js';

const mweber = (sessionId: string) => ({ sessionId, userDirectory: 'CORP', userId: 'mweber' });

/** Two proxy nodes, two virtual proxies ('' and 'sales'); CORP\mweber has five sessions across them. */
function twoNodes(): NodeSessions[] {
  return [
    {
      '': [
        mweber('n1-default-a'),
        mweber('n1-default-b'),
        { sessionId: 'n1-other', userDirectory: 'CORP', userId: 'ajones' },
      ],
      sales: [mweber('n1-sales-a')],
    },
    { '': [mweber('n2-default-a')], sales: [mweber('n2-sales-a')] },
  ];
}

function repository(): RepositoryState {
  return {
    virtualProxies: ['', 'sales'],
    allocations: {
      professional: [
        { id: 'prof-qvservice', userDirectory: 'DOMAIN', userId: 'qvservice' },
        { id: 'prof-mweber', userDirectory: 'CORP', userId: 'mweber' },
      ],
      analyzer: [{ id: 'ana-ajones', userDirectory: 'CORP', userId: 'ajones' }],
      login: [{ id: 'login-mweber', userDirectory: 'CORP', userId: 'mweber' }],
    },
  };
}

function valueOf<T>(result: LiveResult<T>): T {
  if (!result.ok) throw new Error(`expected an answer, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

function failureOf<T>(result: LiveResult<T>): { code: string; message: string } {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.value)}`);
  return result.error;
}

let certificates: TestCertificates;
let site: FakeQlikSite;

beforeAll(() => {
  certificates = createTestCertificates();
});

afterAll(() => {
  certificates.remove();
});

afterEach(async () => {
  await site?.close();
});

describe('createLiveQlik against local HTTPS servers that demand client certificates', () => {
  it('adds up the sessions of every proxy node and virtual proxy discovered from the repository', async () => {
    site = await startFakeQlikSite({ certificates, sessions: twoNodes(), repository: repository() });
    const report = valueOf(await createLiveQlik(site.config()).sessions('CORP\\mweber'));

    expect(report.user).toBe('CORP\\mweber');
    expect(report.total).toBe(5);
    expect(report.errors).toEqual([]);
    const [node1, node2] = site.proxies.map((proxy) => proxy.url);
    expect(report.sessions).toEqual(
      expect.arrayContaining([
        { sessionId: 'n1-default-a', proxy: node1, virtualProxy: '' },
        { sessionId: 'n1-default-b', proxy: node1, virtualProxy: '' },
        { sessionId: 'n1-sales-a', proxy: node1, virtualProxy: 'sales' },
        { sessionId: 'n2-default-a', proxy: node2, virtualProxy: '' },
        { sessionId: 'n2-sales-a', proxy: node2, virtualProxy: 'sales' },
      ]),
    );
    expect(site.repository.requests.map((request) => request.path)).toEqual(['/qrs/virtualproxyconfig/full']);
  });

  it('passes over a discovered virtual proxy that a node does not serve, but not a configured one', async () => {
    site = await startFakeQlikSite({
      certificates,
      sessions: twoNodes(),
      repository: { ...repository(), virtualProxies: ['', 'sales', 'hr'] },
    });
    const discovered = valueOf(await createLiveQlik(site.config()).sessions('CORP\\mweber'));
    expect(discovered).toMatchObject({ total: 5, errors: [] });

    const configured = valueOf(
      await createLiveQlik(site.config({ virtualProxies: ['', 'hr'] })).sessions('CORP\\mweber'),
    );
    expect(configured.total).toBe(3);
    expect(configured.errors.map((error) => [error.virtualProxy, error.message])).toEqual([
      ['hr', expect.stringContaining('404 Not Found')],
      ['hr', expect.stringContaining('404 Not Found')],
    ]);
  });

  it('asks only the configured virtual proxies and counts a session seen twice on one node once', async () => {
    const sessions = twoNodes();
    sessions[0] = { '': [mweber('shared')], sales: [mweber('shared')] };
    site = await startFakeQlikSite({ certificates, sessions, repository: repository() });
    const report = valueOf(
      await createLiveQlik(site.config({ virtualProxies: ['', 'sales'] })).sessions('corp\\MWEBER'),
    );

    expect(report.total).toBe(3);
    expect(site.repository.requests).toEqual([]);
  });

  it('sends a fresh 16-character Xrfkey as parameter and header, the X-Qlik-User and the client certificate on every call', async () => {
    site = await startFakeQlikSite({ certificates, sessions: twoNodes(), repository: repository() });
    const live = createLiveQlik(site.config({ apiUser: { directory: 'CORP', id: 'sa api' } }));
    valueOf(await live.sessions('CORP\\mweber'));
    valueOf(await live.licenses('CORP\\mweber'));

    const requests = [...site.proxies, site.repository].flatMap((server) => server.requests);
    expect(requests.length).toBe(1 + 4 + 4);
    expect([...site.proxies, site.repository].flatMap((server) => server.refusals)).toEqual([]);
    for (const request of requests) {
      expect(request.query.get('xrfkey')).toMatch(/^[A-Za-z0-9]{16}$/);
      expect(request.headers['x-qlik-xrfkey']).toBe(request.query.get('xrfkey'));
      expect(request.headers['x-qlik-user']).toBe('UserDirectory=CORP; UserId=sa%20api');
      expect(request.clientName).toBe('QlikClient');
    }
    expect(new Set(requests.map((request) => request.query.get('xrfkey'))).size).toBe(requests.length);
  });

  it('ends the sessions on every node and virtual proxy and reports how many', async () => {
    site = await startFakeQlikSite({ certificates, sessions: twoNodes(), repository: repository() });
    const live = createLiveQlik(site.config({ virtualProxies: ['', 'sales'] }));
    const ended = valueOf(await live.endSessions('CORP\\mweber'));

    expect(ended).toEqual({ user: 'CORP\\mweber', ended: 5, errors: [] });
    const deletes = site.proxies.flatMap((proxy) =>
      proxy.requests.filter((request) => request.method === 'DELETE').map((request) => request.path),
    );
    expect(deletes.sort()).toEqual([
      '/qps/sales/user/CORP/mweber',
      '/qps/sales/user/CORP/mweber',
      '/qps/user/CORP/mweber',
      '/qps/user/CORP/mweber',
    ]);
    expect(valueOf(await live.sessions('CORP\\mweber')).total).toBe(0);
    expect(site.sessions[0]?.['']).toEqual([{ sessionId: 'n1-other', userDirectory: 'CORP', userId: 'ajones' }]);
  });

  it('lists the licence allocations of a user, filtered on the server by directory and user id', async () => {
    site = await startFakeQlikSite({ certificates, sessions: twoNodes(), repository: repository() });
    const report = valueOf(await createLiveQlik(site.config()).licenses('CORP\\mweber'));

    expect(report).toEqual({
      user: 'CORP\\mweber',
      allocations: [
        { type: 'professional', id: 'prof-mweber' },
        { type: 'login', id: 'login-mweber' },
      ],
    });
    expect(site.repository.requests.map((request) => request.query.get('filter'))).toEqual(
      Array(4).fill("user.userDirectory eq 'CORP' and user.userId eq 'mweber'"),
    );
  });

  it('has the doctor find a licensed service account and pass an unlicensed one', async () => {
    site = await startFakeQlikSite({ certificates, sessions: twoNodes(), repository: repository() });
    const report = valueOf(
      await createLiveQlik(site.config({ serviceAccounts: ['DOMAIN\\qvservice', 'DOMAIN\\sa_scheduler'] })).doctor(),
    );

    expect(report.findings).toContainEqual(
      expect.objectContaining({ code: 'service-account-licensed', severity: 'problem', user: 'DOMAIN\\qvservice' }),
    );
    expect(report.findings).toContainEqual(
      expect.objectContaining({ code: 'service-account-unlicensed', severity: 'info', user: 'DOMAIN\\sa_scheduler' }),
    );
    expect(report.findings).toContainEqual(expect.objectContaining({ code: 'proxies-answer', severity: 'info' }));
    expect(report.findings).toContainEqual(expect.objectContaining({ code: 'certificate-valid', severity: 'info' }));
    expect(report.findings.filter((finding) => finding.code === 'proxy-unreachable')).toEqual([]);
  });

  it('has the doctor warn when the access passes are all allocated and name a proxy node that is down', async () => {
    site = await startFakeQlikSite({
      certificates,
      sessions: twoNodes(),
      repository: {
        ...repository(),
        overview: { professionalAccess: { enabled: true, total: 10, allocated: 10, used: 9, available: 0 } },
      },
    });
    const down = await closedPortUrl();
    const report = valueOf(
      await createLiveQlik(
        site.config({ proxyUrls: [site.proxies[0]?.url ?? '', down], virtualProxies: [''] }),
      ).doctor(),
    );

    expect(report.findings).toContainEqual(
      expect.objectContaining({ code: 'no-access-passes-left', severity: 'warning' }),
    );
    const unreachable = report.findings.filter((finding) => finding.code === 'proxy-unreachable');
    expect(unreachable).toHaveLength(1);
    expect(unreachable[0]?.detail).toContain(down);
    expect(unreachable[0]?.detail).toContain('refused the connection');
  });

  it.for([
    { days: 10, code: 'certificate-expiring', severity: 'warning' },
    { days: -1, code: 'certificate-expired', severity: 'problem' },
  ])('has the doctor check the client certificate expiry ($code)', async ({ days, code, severity }) => {
    site = await startFakeQlikSite({ certificates, sessions: twoNodes(), repository: repository() });
    const validTo = new Date(new X509Certificate(readFileSync(join(certificates.clientDir, 'client.pem'))).validTo);
    const clock = () => new Date(validTo.getTime() - days * 24 * 60 * 60 * 1000);
    const report = valueOf(await createLiveQlik(site.config(), { clock }).doctor());

    expect(report.findings).toContainEqual(expect.objectContaining({ code, severity, user: null }));
  });

  it('gives a partial answer that names the node that is down', async () => {
    site = await startFakeQlikSite({ certificates, sessions: twoNodes(), repository: repository() });
    const down = await closedPortUrl();
    const report = valueOf(
      await createLiveQlik(site.config({ proxyUrls: [site.proxies[0]?.url ?? '', down] })).sessions('CORP\\mweber'),
    );

    expect(report.total).toBe(3);
    expect(report.errors.map((error) => [error.proxy, error.virtualProxy])).toEqual([
      [down, ''],
      [down, 'sales'],
    ]);
    expect(report.errors[0]?.message).toMatch(/refused the connection.*firewall/);
  });

  it('refuses a server certificate that root.pem does not vouch for, even with QLIK_TLS_INSECURE', async () => {
    site = await startFakeQlikSite({
      certificates,
      sessions: twoNodes(),
      repository: repository(),
      tls: certificates.untrustedServer,
    });
    for (const tlsInsecure of [false, true]) {
      const failure = failureOf(
        await createLiveQlik(site.config({ virtualProxies: [''], tlsInsecure })).sessions('CORP\\mweber'),
      );
      expect(failure.code).toBe('server-certificate-untrusted');
      expect(failure.message).toContain('root.pem');
    }
    expect(site.proxies.flatMap((proxy) => proxy.requests)).toEqual([]);
  });

  it('warns once when QLIK_TLS_INSECURE relaxes the host-name check', async () => {
    site = await startFakeQlikSite({ certificates, sessions: twoNodes(), repository: repository() });
    const warnings: string[] = [];
    const live = createLiveQlik(site.config({ virtualProxies: [''], tlsInsecure: true }), {
      logger: { warn: (message) => warnings.push(message) },
    });
    expect(valueOf(await live.sessions('CORP\\mweber')).total).toBe(3);
    expect(valueOf(await live.sessions('CORP\\mweber')).total).toBe(3);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('QLIK_TLS_INSECURE');
  });

  it('refuses a server certificate for another host name unless QLIK_TLS_INSECURE relaxes that check', async () => {
    site = await startFakeQlikSite({
      certificates,
      sessions: twoNodes(),
      repository: repository(),
      tls: certificates.misnamedServer,
    });
    const strict = failureOf(await createLiveQlik(site.config({ virtualProxies: [''] })).sessions('CORP\\mweber'));
    expect(strict.code).toBe('server-name-mismatch');
    expect(strict.message).toContain('QLIK_TLS_INSECURE=true');

    const relaxed = valueOf(
      await createLiveQlik(site.config({ virtualProxies: [''], tlsInsecure: true })).sessions('CORP\\mweber'),
    );
    expect(relaxed.total).toBe(3);
  });

  it('gives up on a node that does not answer in time and says which setting raises the limit', async () => {
    site = await startFakeQlikSite({ certificates, sessions: twoNodes(), repository: repository() });
    const slow = site.proxies[1];
    if (slow !== undefined) slow.override = () => ({ status: 200, body: '', hang: true });
    const report = valueOf(
      await createLiveQlik(site.config({ virtualProxies: [''], timeoutMs: 300 })).sessions('CORP\\mweber'),
    );

    expect(report.total).toBe(2);
    expect(report.errors).toEqual([
      { proxy: slow?.url, virtualProxy: '', message: expect.stringContaining('QLIK_API_TIMEOUT_SECONDS') },
    ]);
  });

  it('explains a client certificate the servers do not accept', async () => {
    site = await startFakeQlikSite({ certificates, sessions: twoNodes(), repository: repository() });
    const failure = failureOf(
      await createLiveQlik(site.config({ virtualProxies: [''], certDir: certificates.strangerClientDir })).sessions(
        'CORP\\mweber',
      ),
    );
    expect(failure.code).toBe('client-certificate-rejected');
    expect(failure.message).toContain('QMC');
  });

  it('explains missing certificate files by path and how to export them from the QMC', async () => {
    site = await startFakeQlikSite({ certificates, sessions: twoNodes(), repository: repository() });
    const empty = mkdtempSync(join(tmpdir(), 'qlik-no-certs-'));
    const failure = failureOf(await createLiveQlik(site.config({ certDir: empty })).sessions('CORP\\mweber'));

    expect(failure.code).toBe('certificates-missing');
    expect(failure.message).toContain(join(empty, 'client.pem'));
    expect(failure.message).toContain(join(empty, 'root.pem'));
    expect(failure.message).toContain('QMC');
    expect(site.proxies.flatMap((proxy) => proxy.requests)).toEqual([]);
  });

  it.for([
    {
      name: 'malformed JSON',
      answer: { status: 200, body: '<html>Qlik Sense hub</html>' },
      code: 'malformed-json',
      says: 'not JSON',
    },
    { name: '403', answer: { status: 403, body: '' }, code: 'forbidden', says: 'Xrfkey' },
    {
      name: 'an unexpected shape',
      answer: { status: 200, body: '{"sessions": 3}' },
      code: 'unexpected-response',
      says: 'unexpected shape',
    },
  ])('answers $name from every node clearly', async ({ answer, code, says }) => {
    site = await startFakeQlikSite({ certificates, sessions: twoNodes(), repository: repository() });
    for (const proxy of site.proxies) proxy.override = () => answer;
    const failure = failureOf(await createLiveQlik(site.config({ virtualProxies: [''] })).sessions('CORP\\mweber'));

    expect(failure.code).toBe(code);
    expect(failure.message).toContain(says);
    for (const proxy of site.proxies) expect(failure.message).toContain(proxy.url);
  });

  it('does not follow a redirect, so the certificate and X-Qlik-User go nowhere else', async () => {
    site = await startFakeQlikSite({ certificates, sessions: twoNodes(), repository: repository() });
    const [first, second] = site.proxies;
    if (first !== undefined)
      first.override = () => ({ status: 302, body: '', headers: { Location: `${second?.url}/qps/user/CORP/mweber` } });
    const failure = failureOf(
      await createLiveQlik(site.config({ proxyUrls: [first?.url ?? ''], virtualProxies: [''] })).sessions(
        'CORP\\mweber',
      ),
    );

    expect(failure.code).toBe('redirected');
    expect(failure.message).toContain(`redirected GET /qps/user/CORP/mweber to ${second?.url}`);
    expect(second?.requests).toEqual([]);
  });

  it('reports malformed JSON from one node as a partial answer', async () => {
    site = await startFakeQlikSite({ certificates, sessions: twoNodes(), repository: repository() });
    const broken = site.proxies[1];
    if (broken !== undefined) broken.override = () => ({ status: 200, body: 'not json' });
    const report = valueOf(await createLiveQlik(site.config({ virtualProxies: [''] })).sessions('CORP\\mweber'));

    expect(report.total).toBe(2);
    expect(report.errors).toEqual([
      { proxy: broken?.url, virtualProxy: '', message: expect.stringContaining('not JSON') },
    ]);
  });

  it('reads camelCase answers as well as PascalCase ones', async () => {
    site = await startFakeQlikSite({ certificates, sessions: twoNodes(), repository: repository() });
    for (const proxy of site.proxies)
      proxy.override = () => ({
        status: 200,
        body: JSON.stringify([{ sessionId: `camel-${proxy.url}`, userDirectory: 'CORP', userId: 'mweber' }]),
      });
    const report = valueOf(await createLiveQlik(site.config({ virtualProxies: [''] })).sessions('CORP\\mweber'));
    expect(report.total).toBe(2);
  });

  it('refuses a user name that is not DIRECTORY\\user without calling anything', async () => {
    site = await startFakeQlikSite({ certificates, sessions: twoNodes(), repository: repository() });
    const failure = failureOf(await createLiveQlik(site.config()).sessions('mweber'));
    expect(failure.code).toBe('bad-user');
    expect(failure.message).toContain('DIRECTORY\\user');
  });
});
