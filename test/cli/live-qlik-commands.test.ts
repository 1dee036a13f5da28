import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/cli-io.js';
import { main } from '../../src/cli/index.js';
import {
  closedPortUrl,
  createTestCertificates,
  startFakeQlikSite,
  type FakeQlikSite,
  type NodeSessions,
  type TestCertificates,
} from '../support/fake-qlik-servers.js';

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function run(argv: readonly string[], env: Record<string, string>): Promise<Run> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on('data', (chunk: Buffer) => out.push(chunk.toString('utf8')));
  stderr.on('data', (chunk: Buffer) => err.push(chunk.toString('utf8')));
  const io: CliIo = { stdin: new PassThrough(), stdout, stderr, env, cwd: process.cwd() };
  const code = await main(argv, io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

const mweber = (sessionId: string) => ({ sessionId, userDirectory: 'CORP', userId: 'mweber' });

function twoNodes(): NodeSessions[] {
  return [
    { '': [mweber('a1'), mweber('a2')], sales: [mweber('a3')] },
    { '': [mweber('b1')], sales: [mweber('b2')] },
  ];
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

async function startSite(): Promise<FakeQlikSite> {
  site = await startFakeQlikSite({
    certificates,
    sessions: twoNodes(),
    repository: {
      virtualProxies: ['', 'sales'],
      allocations: {
        professional: [{ id: 'prof-1', userDirectory: 'DOMAIN', userId: 'qvservice' }],
        analyzer: [{ id: 'ana-1', userDirectory: 'CORP', userId: 'mweber' }],
      },
    },
  });
  return site;
}

describe('live Qlik commands', () => {
  it('sessions --json prints the contract shape with the total across nodes and virtual proxies', async () => {
    await startSite();
    const result = await run(['sessions', 'CORP\\mweber', '--json'], site.env());

    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { user: string; total: number; sessions: unknown[]; errors: unknown[] };
    expect(Object.keys(report)).toEqual(['user', 'total', 'sessions', 'errors']);
    expect(report).toMatchObject({ user: 'CORP\\mweber', total: 5, errors: [] });
    expect(report.sessions).toContainEqual({ sessionId: 'b2', proxy: site.proxies[1]?.url, virtualProxy: 'sales' });
  });

  it('sessions prints a table per node and virtual proxy, the limit, and a partial-answer warning', async () => {
    await startSite();
    const down = await closedPortUrl();
    const result = await run(
      ['sessions', 'CORP\\mweber'],
      site.env({ QLIK_PROXY_URLS: `${site.proxies[0]?.url},${down}` }),
    );

    expect(result.code).toBe(0);
    expect(result.stdout).toContain('CORP\\mweber: 3 live proxy sessions (at least)');
    expect(result.stdout).toMatch(new RegExp(`${site.proxies[0]?.url}\\s+\\(default\\)\\s+2`));
    expect(result.stdout).toMatch(new RegExp(`${down}\\s+sales\\s+no answer`));
    expect(result.stdout).toContain('Partial answer: 2 proxy nodes / virtual proxies did not answer');
    expect(result.stdout).toContain('refused the connection');
  });

  it('sessions exits 2 naming the cause when no node answers', async () => {
    const down = await closedPortUrl();
    const result = await run(['sessions', 'CORP\\mweber'], {
      QLIK_PROXY_URLS: down,
      QLIK_VIRTUAL_PROXIES: '',
      QLIK_CERT_DIR: certificates.clientDir,
    });

    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`${down} refused the connection`);
  });

  it('licenses lists the allocations', async () => {
    await startSite();
    const json = await run(['licenses', 'CORP\\mweber', '--json'], site.env());
    expect(JSON.parse(json.stdout)).toEqual({ user: 'CORP\\mweber', allocations: [{ type: 'analyzer', id: 'ana-1' }] });

    const text = await run(['licenses', 'CORP\\ajones'], site.env());
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('CORP\\ajones holds no licence allocation');
  });

  it('end without --yes is a dry run (the live count, nothing ended), and ends everywhere with it', async () => {
    await startSite();
    const dry = await run(['end', 'CORP\\mweber'], site.env());
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('CORP\\mweber: 5 live proxy sessions');
    expect(dry.stdout).toContain(
      "Nothing was ended. This would end all 5 (their open apps close). Add --yes to do it: qlik-sessions end 'CORP\\mweber' --yes",
    );
    const dryJson = await run(['end', 'CORP\\mweber', '--json'], site.env());
    expect(JSON.parse(dryJson.stdout)).toMatchObject({ dryRun: true, user: 'CORP\\mweber', wouldEnd: 5 });
    expect(site.proxies.flatMap((proxy) => proxy.requests).every((request) => request.method === 'GET')).toBe(true);

    const ended = await run(['end', 'CORP\\mweber', '--yes', '--json'], site.env());
    expect(ended.code).toBe(0);
    expect(JSON.parse(ended.stdout)).toEqual({ user: 'CORP\\mweber', ended: 5, errors: [] });
    const text = await run(['end', 'CORP\\mweber', '--yes'], site.env());
    expect(text.stdout).toContain('CORP\\mweber had no live proxy sessions to end.');
  });

  it('doctor reports a licensed service account as a problem', async () => {
    await startSite();
    const json = await run(['doctor', '--json'], site.env({ QLIK_SERVICE_ACCOUNTS: 'DOMAIN\\qvservice' }));
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as {
      findings: { code: string; severity: string; user: string | null; detail: string }[];
    };
    expect(report.findings).toContainEqual(
      expect.objectContaining({ code: 'service-account-licensed', severity: 'problem', user: 'DOMAIN\\qvservice' }),
    );
    for (const finding of report.findings) expect(Object.keys(finding)).toEqual(['code', 'severity', 'user', 'detail']);

    const text = await run(['doctor'], site.env({ QLIK_SERVICE_ACCOUNTS: 'DOMAIN\\qvservice' }));
    expect(text.stdout).toMatch(/^Doctor: 1 problem, 0 warnings\./);
    expect(text.stdout).toContain('PROBLEM  service-account-licensed (DOMAIN\\qvservice)');
  });

  it.for([
    {
      name: 'nothing configured',
      argv: ['sessions', 'CORP\\mweber'],
      env: {},
      says: ['QLIK_CERT_DIR', 'QLIK_PROXY_URLS'],
    },
    {
      name: 'licences without a repository',
      argv: ['licenses', 'CORP\\mweber'],
      env: { QLIK_CERT_DIR: '/tmp', QLIK_PROXY_URLS: 'https://qs1:4243' },
      says: ['QLIK_REPOSITORY_URL'],
    },
    { name: 'a user without a directory', argv: ['sessions', 'CORPmweber'], env: {}, says: ["'CORP\\mweber'"] },
    { name: 'no user', argv: ['licenses'], env: {}, says: ['exactly one user'] },
    {
      name: 'an unknown option',
      argv: ['doctor', '--fix'],
      env: {},
      says: ["Unknown option '--fix'", 'Usage: qlik-sessions doctor'],
    },
    {
      name: 'an argument to doctor',
      argv: ['doctor', 'CORP\\mweber'],
      env: {},
      says: ['unexpected argument "CORP\\mweber"'],
    },
    {
      name: '--yes where nothing is ended',
      argv: ['sessions', 'CORP\\mweber', '--yes'],
      env: {},
      says: ["Unknown option '--yes'", 'Usage: qlik-sessions sessions DIR\\USER [--json]'],
    },
    {
      name: 'a bad setting',
      argv: ['doctor'],
      env: { QLIK_PROXY_URLS: 'qs1:4243' },
      says: ['QLIK_PROXY_URLS entry "qs1:4243"'],
    },
  ])('exits 2 and says what to do for $name', async ({ argv, env, says }) => {
    const result = await run(argv, env);
    expect(result.code).toBe(2);
    for (const text of says) expect(result.stderr).toContain(text);
  });

  it('exits 2 explaining missing certificate files', async () => {
    await startSite();
    const empty = mkdtempSync(join(tmpdir(), 'qlik-no-certs-'));
    const result = await run(['doctor'], site.env({ QLIK_CERT_DIR: empty }));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(join(empty, 'client_key.pem'));
    expect(result.stderr).toContain('Platform independent PEM-format');
  });

  it('exits 2 explaining a 403 from every node', async () => {
    await startSite();
    for (const proxy of site.proxies) proxy.override = () => ({ status: 403, body: '' });
    const result = await run(['sessions', 'CORP\\mweber'], site.env());
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('403 Forbidden');
    expect(result.stderr).toContain('client certificate');
  });
});
