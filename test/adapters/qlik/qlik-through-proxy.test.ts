import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLiveQlik } from '../../../src/adapters/qlik/index.js';
import { proxyFor } from '../../../src/config/index.js';
import { startConnectProxy, type ConnectProxy } from '../../support/connect-proxy.js';
import {
  createTestCertificates,
  startFakeQlikSite,
  type FakeQlikSite,
  type TestCertificates,
} from '../../support/fake-qlik-servers.js';

describe('the Qlik APIs through HTTPS_PROXY (a real CONNECT proxy)', () => {
  let certificates: TestCertificates;
  let site: FakeQlikSite;
  let proxy: ConnectProxy;

  beforeAll(async () => {
    certificates = createTestCertificates();
    site = await startFakeQlikSite({
      certificates,
      sessions: [{ '': [{ sessionId: 's1', userDirectory: 'CORP', userId: 'mweber' }] }],
      repository: { virtualProxies: [''], allocations: {} },
    });
    proxy = await startConnectProxy();
  });
  afterAll(async () => {
    await proxy.close();
    await site.close();
    certificates.remove();
  });

  it('tunnels each call, keeping TLS and the client certificate end to end', async () => {
    const calls: string[] = [];
    const live = createLiveQlik(site.config(), {
      proxyFor: (url) => proxyFor({ httpsProxy: proxy.url, noProxy: [] }, url),
      onCall: (node, outcome) => calls.push(`${node} ${outcome}`),
    });
    const answer = await live.sessions('CORP\\mweber');
    expect(answer.ok && answer.value.total).toBe(1);
    expect(proxy.tunnels).toContain(new URL(site.proxies[0]?.url ?? '').host);
    expect(proxy.tunnels).toContain(new URL(site.repository.url).host);
    expect(site.proxies[0]?.requests.at(-1)?.clientName).toBe('QlikClient');
    expect(calls).toEqual([`${site.repository.url} ok`, `${site.proxies[0]?.url ?? ''} ok`]);
  });

  it('still checks the server certificate through the tunnel', async () => {
    const stranger = await startFakeQlikSite({
      certificates,
      sessions: [{ '': [] }],
      repository: { virtualProxies: [''], allocations: {} },
      tls: certificates.untrustedServer,
    });
    try {
      const live = createLiveQlik(stranger.config({ virtualProxies: [''] }), { proxyFor: () => proxy.url });
      const answer = await live.sessions('CORP\\mweber');
      expect(answer.ok).toBe(false);
      expect(proxy.tunnels).toContain(new URL(stranger.proxies[0]?.url ?? '').host);
    } finally {
      await stranger.close();
    }
  });

  it('goes direct to a host in NO_PROXY', async () => {
    const before = proxy.tunnels.length;
    const live = createLiveQlik(site.config({ virtualProxies: [''] }), {
      proxyFor: (url) => proxyFor({ httpsProxy: proxy.url, noProxy: ['127.0.0.1'] }, url),
    });
    expect((await live.sessions('CORP\\mweber')).ok).toBe(true);
    expect(proxy.tunnels.length).toBe(before);
  });
});
