import { execFileSync } from 'node:child_process';
import type { IncomingHttpHeaders } from 'node:http';
import { createServer, type Server } from 'node:https';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TLSSocket } from 'node:tls';
import type { QlikConfig } from '../../src/config/index.js';

/** What a fake Qlik server needs to speak TLS and demand client certificates. */
export interface ServerTls {
  readonly key: string;
  readonly cert: string;
  /** The CA that must have signed the client's certificate. */
  readonly ca: string;
}

/** A throwaway CA with server and client certificates, made with the `openssl` command when the tests start. */
export interface TestCertificates {
  readonly dir: string;
  /** client.pem, client_key.pem and root.pem, laid out as the QMC exports them. */
  readonly clientDir: string;
  readonly server: ServerTls;
  /** A server certificate from another CA: the client must refuse it. */
  readonly untrustedServer: ServerTls;
  /** Signed by the right CA for another host name: refused unless QLIK_TLS_INSECURE relaxes the host-name check. */
  readonly misnamedServer: ServerTls;
  /** A client certificate from another CA: the servers must refuse it. */
  readonly strangerClientDir: string;
  /** Deletes the temporary folder. */
  remove(): void;
}

function openssl(cwd: string, args: readonly string[]): void {
  execFileSync('openssl', args, { cwd, stdio: 'pipe' });
}

/** A new P-256 key, unencrypted, into `<name>.key`: the part of `openssl req` every certificate here shares. */
function newKey(name: string): string[] {
  return ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', `${name}.key`];
}

function makeCa(dir: string, name: string): void {
  openssl(dir, ['req', '-x509', ...newKey(name), '-out', `${name}.pem`, '-days', '30', '-subj', `/CN=${name}`]);
}

function makeSigned(dir: string, ca: string, name: string, subject: string, extensions: string): void {
  writeFileSync(join(dir, `${name}.ext`), extensions);
  openssl(dir, ['req', ...newKey(name), '-out', `${name}.csr`, '-subj', subject]);
  openssl(dir, [
    'x509',
    '-req',
    '-in',
    `${name}.csr`,
    '-CA',
    `${ca}.pem`,
    '-CAkey',
    `${ca}.key`,
    '-CAcreateserial',
    '-out',
    `${name}.pem`,
    '-days',
    '365',
    '-extfile',
    `${name}.ext`,
  ]);
}

/** Makes the certificates in a fresh temporary folder; takes a second or two. */
export function createTestCertificates(): TestCertificates {
  try {
    execFileSync('openssl', ['version'], { stdio: 'pipe' });
  } catch {
    throw new Error(
      'The live Qlik tests make their certificates with the openssl command, which is missing: install it (apt-get install openssl).',
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'qlik-certs-'));
  makeCa(dir, 'ca');
  makeCa(dir, 'other-ca');
  const serverExt = 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n';
  const clientExt = 'extendedKeyUsage=clientAuth\n';
  makeSigned(dir, 'ca', 'server', '/CN=localhost', serverExt);
  makeSigned(dir, 'ca', 'client', '/CN=QlikClient', clientExt);
  makeSigned(
    dir,
    'ca',
    'misnamed-server',
    '/CN=qlik.example.invalid',
    'subjectAltName=DNS:qlik.example.invalid\nextendedKeyUsage=serverAuth\n',
  );
  makeSigned(dir, 'other-ca', 'other-server', '/CN=localhost', serverExt);
  makeSigned(dir, 'other-ca', 'other-client', '/CN=QlikClient', clientExt);
  const read = (name: string) => readFileSync(join(dir, name), 'utf8');
  const exportDir = (client: string, root: string): string => {
    const out = mkdtempSync(join(dir, 'export-'));
    writeFileSync(join(out, 'client.pem'), read(`${client}.pem`));
    writeFileSync(join(out, 'client_key.pem'), read(`${client}.key`));
    writeFileSync(join(out, 'root.pem'), read(`${root}.pem`));
    return out;
  };
  return {
    dir,
    clientDir: exportDir('client', 'ca'),
    strangerClientDir: exportDir('other-client', 'ca'),
    server: { key: read('server.key'), cert: read('server.pem'), ca: read('ca.pem') },
    misnamedServer: { key: read('misnamed-server.key'), cert: read('misnamed-server.pem'), ca: read('ca.pem') },
    untrustedServer: { key: read('other-server.key'), cert: read('other-server.pem'), ca: read('ca.pem') },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  /** The common name of the client certificate the server accepted. */
  readonly clientName: string | undefined;
}

export interface FakeAnswer {
  readonly status: number;
  readonly body: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Never answer: for timeouts. */
  readonly hang?: boolean;
}

/** Answers a request, or undefined to let the next route (or a 404) answer. */
export type FakeRoute = (request: RecordedRequest) => FakeAnswer | undefined;

export interface FakeQlikServer {
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** Why requests were refused before routing (bad Xrfkey, bad X-Qlik-User). */
  readonly refusals: string[];
  /** Tried before the normal routes: set it to make the server misbehave. */
  override: FakeRoute | undefined;
  close(): Promise<void>;
}

const XRFKEY = /^[A-Za-z0-9]{16}$/;
const QLIK_USER = /^UserDirectory=[^;\s]+; UserId=[^;\s]+$/;

/** Checks what every QPS/QRS call must carry, as Qlik does; a refusal is a 403 like the real one. */
function refusal(request: RecordedRequest): string | undefined {
  const key = request.query.get('xrfkey');
  const header = request.headers['x-qlik-xrfkey'];
  if (key === null || !XRFKEY.test(key))
    return `xrfkey query parameter missing or not 16 alphanumerics: ${String(key)}`;
  if (header !== key) return `X-Qlik-Xrfkey header ${String(header)} differs from the xrfkey parameter ${key}`;
  const user = request.headers['x-qlik-user'];
  if (typeof user !== 'string' || !QLIK_USER.test(user)) return `X-Qlik-User header malformed: ${String(user)}`;
  return undefined;
}

/** A real HTTPS server on 127.0.0.1 that demands a client certificate signed by `tls.ca`. */
export async function startFakeQlikServer(tls: ServerTls, route: FakeRoute): Promise<FakeQlikServer> {
  const requests: RecordedRequest[] = [];
  const refusals: string[] = [];
  const state: { override: FakeRoute | undefined } = { override: undefined };
  const server: Server = createServer(
    { key: tls.key, cert: tls.cert, ca: tls.ca, requestCert: true, rejectUnauthorized: true },
    (req, res) => {
      const url = new URL(req.url ?? '/', 'https://127.0.0.1');
      const peer = (req.socket as TLSSocket).getPeerCertificate();
      const request: RecordedRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        clientName: typeof peer.subject?.CN === 'string' ? peer.subject.CN : undefined,
      };
      requests.push(request);
      const refused = refusal(request);
      if (refused !== undefined) refusals.push(refused);
      const answer: FakeAnswer =
        refused !== undefined
          ? { status: 403, body: '' }
          : (state.override?.(request) ?? route(request) ?? { status: 404, body: '' });
      if (answer.hang === true) return;
      res.writeHead(answer.status, { 'Content-Type': 'application/json; charset=utf-8', ...answer.headers });
      res.end(answer.body);
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the fake Qlik server has no port');
  return {
    url: `https://127.0.0.1:${address.port}`,
    requests,
    refusals,
    get override() {
      return state.override;
    },
    set override(value) {
      state.override = value;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A URL on 127.0.0.1 where nothing listens: a proxy node that is down. */
export async function closedPortUrl(): Promise<string> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `https://127.0.0.1:${address.port}`;
}

export interface FakeSession {
  readonly sessionId: string;
  readonly userDirectory: string;
  readonly userId: string;
}

/** Sessions of one proxy node, per virtual proxy prefix ('' = the default proxy). */
export type NodeSessions = Record<string, FakeSession[]>;

const QPS_USER_PATH = /^\/qps(?:\/([^/]+))?\/user\/([^/]+)\/([^/]+)$/;
const QPS_SESSIONS_PATH = /^\/qps(?:\/([^/]+))?\/session$/;

const sessionData = (session: FakeSession) => ({
  UserDirectory: session.userDirectory,
  UserId: session.userId,
  UserName: session.userId,
  Attributes: [],
  SessionId: session.sessionId,
});

/**
 * QPS as a proxy node answers `GET`/`DELETE /qps/{prefix/}user/{dir}/{id}` and `GET /qps/{prefix/}session` (every
 * user's sessions, as Ctrl-Q lists them), in PascalCase like the real service.
 */
export function proxyRoutes(sessions: NodeSessions): FakeRoute {
  return (request) => {
    const all = QPS_SESSIONS_PATH.exec(request.path);
    if (all !== null && request.method === 'GET') {
      const list = sessions[decodeURIComponent(all[1] ?? '')];
      return list === undefined
        ? { status: 404, body: '' }
        : { status: 200, body: JSON.stringify(list.map(sessionData)) };
    }
    const match = QPS_USER_PATH.exec(request.path);
    if (match === null) return undefined;
    const [, prefix = '', directory = '', id = ''] = match;
    const list = sessions[decodeURIComponent(prefix)];
    if (list === undefined) return { status: 404, body: '' };
    const mine = (session: FakeSession) =>
      session.userDirectory.toLowerCase() === decodeURIComponent(directory).toLowerCase() &&
      session.userId.toLowerCase() === decodeURIComponent(id).toLowerCase();
    const found = list.filter(mine);
    if (request.method === 'DELETE') sessions[decodeURIComponent(prefix)] = list.filter((session) => !mine(session));
    const body = found.map(sessionData);
    return { status: 200, body: JSON.stringify(body) };
  };
}

export interface FakeAllocation {
  readonly id: string;
  readonly userDirectory: string;
  readonly userId: string;
}

export interface RepositoryState {
  readonly virtualProxies: readonly string[];
  readonly allocations: Partial<Record<'professional' | 'analyzer' | 'user' | 'login', FakeAllocation[]>>;
  readonly overview?: unknown;
  /** Users with their roles, for `GET /qrs/user/full?filter=roles eq 'RootAdmin'`. */
  readonly users?: readonly {
    readonly userDirectory: string;
    readonly userId: string;
    readonly roles: readonly string[];
  }[];
}

const FILTER = /^user\.userDirectory eq '((?:[^']|'')*)' and user\.userId eq '((?:[^']|'')*)'$/;

/** QRS in camelCase: virtual proxy configuration, licence allocations filtered by user, the access type overview. */
export function repositoryRoutes(state: RepositoryState): FakeRoute {
  return (request) => {
    if (request.method !== 'GET') return undefined;
    if (request.path === '/qrs/virtualproxyconfig/full') {
      return {
        status: 200,
        body: JSON.stringify(
          state.virtualProxies.map((prefix, index) => ({
            id: `vp-${index}`,
            prefix,
            description: prefix || 'Central Proxy (Default)',
          })),
        ),
      };
    }
    if (request.path === '/qrs/user/full') {
      if (request.query.get('filter') !== "roles eq 'RootAdmin'")
        return { status: 400, body: JSON.stringify({ error: 'unsupported filter' }) };
      const admins = (state.users ?? []).filter((user) => user.roles.includes('RootAdmin'));
      return {
        status: 200,
        body: JSON.stringify(admins.map((user, index) => ({ id: `user-${index}`, ...user, name: user.userId }))),
      };
    }
    if (request.path === '/qrs/about') {
      return {
        status: 200,
        body: JSON.stringify({
          buildVersion: '14.20.2',
          buildDate: '2024-02-01',
          databaseProvider: 'Devart.Data.PostgreSql',
          nodeType: 1,
        }),
      };
    }
    if (request.path === '/qrs/license/accesstypeoverview') {
      return {
        status: 200,
        body: JSON.stringify(
          state.overview ?? {
            totalTokens: 0,
            professionalAccess: { enabled: true, total: 10, allocated: 3, used: 2, available: 7 },
          },
        ),
      };
    }
    const match =
      /^\/qrs\/license\/(professional|analyzer|user)accesstype\/full$/.exec(request.path) ??
      /^\/qrs\/license\/(login)accessusage\/full$/.exec(request.path);
    if (match === null) return undefined;
    const type = match[1] as 'professional' | 'analyzer' | 'user' | 'login';
    const filter = FILTER.exec(request.query.get('filter') ?? '');
    if (filter === null) return { status: 400, body: JSON.stringify({ error: 'unsupported filter' }) };
    const [, directory = '', id = ''] = filter;
    const rows = (state.allocations[type] ?? []).filter(
      (row) =>
        row.userDirectory.toLowerCase() === directory.replace(/''/g, "'").toLowerCase() &&
        row.userId.toLowerCase() === id.replace(/''/g, "'").toLowerCase(),
    );
    return {
      status: 200,
      body: JSON.stringify(
        rows.map((row) => ({
          id: row.id,
          user: { id: `user-${row.userId}`, userDirectory: row.userDirectory, userId: row.userId, name: row.userId },
        })),
      ),
    };
  };
}

export interface FakeQlikSite {
  readonly proxies: FakeQlikServer[];
  readonly repository: FakeQlikServer;
  readonly sessions: NodeSessions[];
  /** The settings that point the app at this site. */
  config(overrides?: Partial<QlikConfig>): QlikConfig;
  env(overrides?: Record<string, string>): Record<string, string>;
  close(): Promise<void>;
}

export interface FakeQlikSiteOptions {
  readonly certificates: TestCertificates;
  /** One entry per proxy node. */
  readonly sessions: NodeSessions[];
  readonly repository: RepositoryState;
  readonly tls?: ServerTls;
}

/** Proxy nodes and a repository, each a real HTTPS server that demands the test client certificate. */
export async function startFakeQlikSite(options: FakeQlikSiteOptions): Promise<FakeQlikSite> {
  const tls = options.tls ?? options.certificates.server;
  const proxies = await Promise.all(
    options.sessions.map((sessions) => startFakeQlikServer(tls, proxyRoutes(sessions))),
  );
  const repository = await startFakeQlikServer(tls, repositoryRoutes(options.repository));
  const certDir = options.certificates.clientDir;
  return {
    proxies,
    repository,
    sessions: options.sessions,
    config: (overrides = {}) => ({
      serviceAccounts: [],
      kbDir: undefined,
      proxyUrls: proxies.map((proxy) => proxy.url),
      repositoryUrl: repository.url,
      virtualProxies: undefined,
      certDir,
      apiUser: { directory: 'INTERNAL', id: 'sa_api' },
      tlsInsecure: false,
      timeoutMs: 5000,
      ...overrides,
    }),
    env: (overrides = {}) => ({
      QLIK_PROXY_URLS: proxies.map((proxy) => proxy.url).join(','),
      QLIK_REPOSITORY_URL: repository.url,
      QLIK_CERT_DIR: certDir,
      ...overrides,
    }),
    close: async () => {
      await Promise.all([...proxies, repository].map((server) => server.close()));
    },
  };
}
