import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLiveQlik } from '../../src/adapters/qlik/index.js';
import { silentLogger } from '../../src/bot/index.js';
import { createLineAlertSink } from '../../src/cli/alert-lines.js';
import { readConfig } from '../../src/config/index.js';
import { buildApp } from '../../src/main.js';
import {
  closedPortUrl,
  createTestCertificates,
  startFakeQlikSite,
  type FakeQlikSite,
  type TestCertificates,
} from '../support/fake-qlik-servers.js';
import { waitFor } from '../support/wait-for.js';

const session = (user: string, sessionId: string) => {
  const [userDirectory = '', userId = ''] = user.split('\\');
  return { sessionId, userDirectory, userId };
};

let certificates: TestCertificates;
let site: FakeQlikSite;

beforeAll(() => {
  certificates = createTestCertificates();
});
afterAll(() => certificates.remove());
afterEach(async () => {
  await site?.close();
});

describe('the live source: GET /qps/{prefix/}session on every node and virtual proxy, over client certificates', () => {
  it('counts every user across nodes and virtual proxies, and names a node that is down while the others still count', async () => {
    site = await startFakeQlikSite({
      certificates,
      sessions: [
        {
          '': [session('CORP\\mweber', 'a'), session('CORP\\mweber', 'b'), session('CORP\\ajones', 'c')],
          sales: [session('CORP\\mweber', 'd')],
        },
        { '': [session('corp\\MWEBER', 'e')], sales: [session('CORP\\mweber', 'f')] },
      ],
      repository: { virtualProxies: ['', 'sales'], allocations: {} },
    });
    const down = await closedPortUrl();
    const live = createLiveQlik(site.config({ proxyUrls: [...site.proxies.map((proxy) => proxy.url), down] }));
    const result = await live.allSessions();
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.sessions.filter((listed) => listed.user.toLowerCase() === 'corp\\mweber')).toHaveLength(5);
    expect(result.value.sessions.find((listed) => listed.sessionId === 'c')).toMatchObject({
      user: 'CORP\\ajones',
      proxy: site.proxies[0]?.url,
      virtualProxy: '',
    });
    expect(result.value.errors.map((error) => error.proxy)).toEqual([down, down]);
    const paths = site.proxies.flatMap((proxy) => proxy.requests.map((request) => request.path)).sort();
    expect(paths).toEqual(['/qps/sales/session', '/qps/sales/session', '/qps/session', '/qps/session']);
    expect(site.proxies.flatMap((proxy) => proxy.requests.map((request) => request.clientName))).toEqual([
      'QlikClient',
      'QlikClient',
      'QlikClient',
      'QlikClient',
    ]);
  });

  it('runs in the watch every QLIK_WATCH_INTERVAL_SECONDS: a warning at 5 across nodes, and the drop when sessions end', async () => {
    const mine = Array.from({ length: 3 }, (_, index) => session('CORP\\mweber', `n1-${index}`));
    site = await startFakeQlikSite({
      certificates,
      sessions: [{ '': mine }, { '': [session('CORP\\mweber', 'n2-0'), session('CORP\\mweber', 'n2-1')] }],
      repository: { virtualProxies: [''], allocations: {} },
    });
    const read = readConfig({ ...site.env({ QLIK_VIRTUAL_PROXIES: '' }), QLIK_WATCH_INTERVAL_SECONDS: '1' });
    if (!read.ok) throw new Error(read.errors.join('; '));
    const lines: string[] = [];
    const app = buildApp(read.config, {
      logger: { ...silentLogger, error: (first: unknown) => void lines.push(`error ${String(first)}`) },
    });
    const built = await app.watch(
      createLineAlertSink(async (text) => void lines.push(text), true),
      { endButton: false, onProblem: (text) => lines.push(`problem ${text}`) },
    );
    if (!built.ok) throw new Error(built.error);
    built.watch.start();
    try {
      const warning = await waitFor(() => lines.find((line) => line.includes('"at-limit"')), 'the at-limit line');
      expect(JSON.parse(warning)).toMatchObject({
        user: 'CORP\\mweber',
        cause: 'at-limit',
        count: 5,
        source: 'live',
        nodes: site.proxies.map((proxy) => proxy.url).sort(),
        followUp: false,
      });
      (site.sessions[0] as Record<string, unknown[]>)[''] = [];
      const dropped = await waitFor(
        () => lines.find((line) => line.includes('"count-dropped"')),
        'the count-dropped line',
      );
      expect(JSON.parse(dropped)).toMatchObject({ user: 'CORP\\mweber', count: 2, followUp: true });
      expect(lines.filter((line) => line.startsWith('problem') || line.startsWith('error'))).toEqual([]);
    } finally {
      await built.watch.stop();
    }
  }, 30_000);
});
