import type {
  AllSessionsReport,
  ListedSession,
  LiveSessionList,
  DoctorFinding,
  DoctorReport,
  EndReport,
  LicenseAllocation,
  LicensesReport,
  LiveFailure,
  LiveQlik,
  LiveResult,
  LiveSession,
  NodeError,
  SessionsReport,
} from '../../bot/index.js';
import type { QlikConfig } from '../../config/index.js';
import { formatQlikUserName, parseQlikUserName, sameQlikUser, type QlikUserRef } from '../../core/users/index.js';
import { checkCertificateExpiry } from './certificate-expiry.js';
import { loadClientCertificates, type ClientCertificates, type TextFileReader } from './client-certificates.js';
import type { RequestFailure } from './describe-request-failure.js';
import { createQlikHttpClient, type CallResult, type HttpMethod, type QlikFetch, type QlikHttpClient } from './qlik-http-client.js';
import { accessTypeOverviewSchema, allocationListSchema, endedSessionsSchema, userListSchema, type AccessTypeOverview, sessionListSchema, virtualProxyListSchema, type SessionData } from './qlik-schemas.js';
import { virtualProxyLabel } from './virtual-proxy-label.js';

export interface QlikLogger {
  warn(message: string): void;
}

export interface LiveQlikDeps {
  readonly fetch?: QlikFetch;
  readonly clock?: () => Date;
  readonly logger?: QlikLogger;
  readonly readFile?: TextFileReader;
  /** HTTPS_PROXY (NO_PROXY applied) for a Qlik URL, or undefined to go direct. */
  readonly proxyFor?: (url: URL) => string | undefined;
  /** Told about every API call: node (origin), `ok` or the failure code, seconds. */
  readonly onCall?: (origin: string, outcome: string, seconds: number) => void;
}

/** The live APIs are usable when there is a certificate folder and something to call. */
export function isLiveQlikConfigured(config: QlikConfig): boolean {
  return config.certDir !== undefined && (config.proxyUrls.length > 0 || config.repositoryUrl !== undefined);
}

type Ready = { readonly ok: true; readonly client: QlikHttpClient; readonly certificates: ClientCertificates } | { readonly ok: false; readonly error: LiveFailure };

/** One proxy endpoint: a node of QLIK_PROXY_URLS and a virtual proxy prefix ('' = the default proxy). */
interface Endpoint {
  readonly proxy: string;
  readonly virtualProxy: string;
}

interface VirtualProxies {
  readonly prefixes: readonly string[];
  /** Discovered prefixes may not be linked to every node, so a 404 from a node is not an error for them. */
  readonly discovered: boolean;
}

const ALLOCATION_TYPES = ['professional', 'analyzer', 'user'] as const;

/** The LiveQlik port over QPS and QRS with the client certificates of QLIK_CERT_DIR. */
export function createLiveQlik(config: QlikConfig, deps: LiveQlikDeps = {}): LiveQlik & LiveSessionList {
  const clock = deps.clock ?? (() => new Date());
  let ready: Promise<Ready> | undefined;

  function prepare(): Promise<Ready> {
    ready ??= (async (): Promise<Ready> => {
      if (config.certDir === undefined) return { ok: false, error: notConfigured('QLIK_CERT_DIR (the folder with client.pem, client_key.pem and root.pem exported from the QMC)') };
      const loaded = await loadClientCertificates(config.certDir, deps.readFile);
      if (!loaded.ok) return loaded;
      if (config.tlsInsecure) {
        deps.logger?.warn('QLIK_TLS_INSECURE=true: the Qlik server certificates are not checked against the host names (the chain is still checked against root.pem).');
      }
      const client = createQlikHttpClient({
        certificates: loaded.value,
        certDir: config.certDir,
        apiUser: config.apiUser,
        tlsInsecure: config.tlsInsecure,
        timeoutMs: config.timeoutMs,
        ...(deps.fetch === undefined ? {} : { fetch: deps.fetch }),
        ...(deps.proxyFor === undefined ? {} : { proxyFor: deps.proxyFor }),
        ...(deps.onCall === undefined ? {} : { onCall: deps.onCall }),
      });
      return { ok: true, client, certificates: loaded.value };
    })();
    const attempt = ready;
    // A failure is not kept: certificates copied in later are picked up without a restart.
    void attempt.then((result) => {
      if (!result.ok && ready === attempt) ready = undefined;
    });
    return attempt;
  }

  async function virtualProxies(client: QlikHttpClient): Promise<LiveResult<VirtualProxies>> {
    if (config.virtualProxies !== undefined) return { ok: true, value: { prefixes: unique(config.virtualProxies), discovered: false } };
    if (config.repositoryUrl === undefined) {
      return { ok: false, error: notConfigured('QLIK_VIRTUAL_PROXIES (an empty value means the default proxy only), or QLIK_REPOSITORY_URL to discover the prefixes') };
    }
    const answer = await client.call('GET', config.repositoryUrl, '/qrs/virtualproxyconfig/full', virtualProxyListSchema);
    if (!answer.ok) {
      return {
        ok: false,
        error: { code: answer.error.code, message: `Cannot discover the virtual proxies: ${answer.error.message} Or set QLIK_VIRTUAL_PROXIES to list the prefixes.` },
      };
    }
    const prefixes = unique(answer.value.map((proxy) => (proxy.prefix ?? '').replace(/^\/+|\/+$/g, '')));
    return { ok: true, value: { prefixes: prefixes.length === 0 ? [''] : prefixes, discovered: true } };
  }

  /** Calls the user's sessions path on every node and virtual proxy, adds up and de-duplicates per node. */
  async function everyEndpoint(method: HttpMethod, text: string): Promise<LiveResult<{ user: string; sessions: LiveSession[]; errors: NodeError[] }>> {
    const user = parseQlikUserName(text);
    if (user === undefined) return { ok: false, error: badUser(text) };
    if (config.proxyUrls.length === 0) return { ok: false, error: notConfigured('QLIK_PROXY_URLS (one URL per proxy node, e.g. https://qs1:4243)') };
    const prepared = await prepare();
    if (!prepared.ok) return prepared;
    const proxies = await virtualProxies(prepared.client);
    if (!proxies.ok) return proxies;
    const endpoints = config.proxyUrls.flatMap((proxy) => proxies.value.prefixes.map((virtualProxy) => ({ proxy, virtualProxy })));
    const path = (endpoint: Endpoint) => `${qpsBase(endpoint.virtualProxy)}/user/${encodeURIComponent(user.directory)}/${encodeURIComponent(user.id)}`;
    const answers = await Promise.all(
      endpoints.map(async (endpoint) => ({
        endpoint,
        answer:
          method === 'GET'
            ? await prepared.client.call('GET', endpoint.proxy, path(endpoint), sessionListSchema)
            : await prepared.client.call('DELETE', endpoint.proxy, path(endpoint), endedSessionsSchema),
      })),
    );
    const sessions: LiveSession[] = [];
    const errors: NodeError[] = [];
    const codes: string[] = [];
    const seen = new Set<string>();
    let answered = 0;
    for (const { endpoint, answer } of answers) {
      if (!answer.ok) {
        if (proxies.value.discovered && answer.error.code === 'not-found') continue;
        errors.push({ proxy: endpoint.proxy, virtualProxy: endpoint.virtualProxy, message: answer.error.message });
        codes.push(answer.error.code);
        continue;
      }
      answered += 1;
      for (const session of sessionsOf(answer.value, user)) {
        const key = `${endpoint.proxy}\n${session.sessionId}`;
        if (seen.has(key)) continue;
        seen.add(key);
        sessions.push({ sessionId: session.sessionId, proxy: endpoint.proxy, virtualProxy: endpoint.virtualProxy });
      }
    }
    if (answered === 0) return { ok: false, error: noProxyAnswered(errors, codes) };
    return { ok: true, value: { user: formatQlikUserName(user), sessions, errors } };
  }

  async function allocationsOf(client: QlikHttpClient, repositoryUrl: string, user: QlikUserRef): Promise<CallResult<LicenseAllocation[]>> {
    const filter = `user.userDirectory eq '${quoteFilter(user.directory)}' and user.userId eq '${quoteFilter(user.id)}'`;
    const paths = [
      ...ALLOCATION_TYPES.map((type) => ({ type, path: `/qrs/license/${type}accesstype/full` })),
      { type: 'login' as const, path: '/qrs/license/loginaccessusage/full' },
    ];
    const answers = await Promise.all(paths.map(async ({ type, path }) => ({ type, answer: await client.call('GET', repositoryUrl, path, allocationListSchema, { filter }) })));
    const allocations: LicenseAllocation[] = [];
    for (const { type, answer } of answers) {
      if (!answer.ok) return answer;
      // The filter narrows the answer on the server; checking again keeps a server that ignores it from giving others' allocations.
      for (const row of answer.value) if (row.user != null && sameQlikUser({ directory: row.user.userDirectory, id: row.user.userId }, user)) allocations.push({ type, id: row.id });
    }
    return { ok: true, value: allocations };
  }

  /** `GET /qps/{prefix/}session` on every node and virtual proxy: all users' sessions, for the watch. */
  async function allSessions(): Promise<LiveResult<AllSessionsReport>> {
    if (config.proxyUrls.length === 0) return { ok: false, error: notConfigured('QLIK_PROXY_URLS (one URL per proxy node, e.g. https://qs1:4243)') };
    const prepared = await prepare();
    if (!prepared.ok) return prepared;
    const proxies = await virtualProxies(prepared.client);
    if (!proxies.ok) return proxies;
    const endpoints = config.proxyUrls.flatMap((proxy) => proxies.value.prefixes.map((virtualProxy) => ({ proxy, virtualProxy })));
    const answers = await Promise.all(
      endpoints.map(async (endpoint) => ({ endpoint, answer: await prepared.client.call('GET', endpoint.proxy, `${qpsBase(endpoint.virtualProxy)}/session`, sessionListSchema) })),
    );
    const sessions: ListedSession[] = [];
    const errors: NodeError[] = [];
    const codes: string[] = [];
    let answered = 0;
    for (const { endpoint, answer } of answers) {
      if (!answer.ok) {
        if (proxies.value.discovered && answer.error.code === 'not-found') continue;
        errors.push({ proxy: endpoint.proxy, virtualProxy: endpoint.virtualProxy, message: answer.error.message });
        codes.push(answer.error.code);
        continue;
      }
      answered += 1;
      for (const session of answer.value ?? []) {
        // A session without its user cannot be counted for anyone.
        if (session.userDirectory === undefined || session.userId === undefined) continue;
        sessions.push({ user: formatQlikUserName({ directory: session.userDirectory, id: session.userId }), sessionId: session.sessionId, proxy: endpoint.proxy, virtualProxy: endpoint.virtualProxy });
      }
    }
    if (answered === 0) return { ok: false, error: noProxyAnswered(errors, codes) };
    return { ok: true, value: { sessions, errors } };
  }

  return {
    allSessions,

    async sessions(text): Promise<LiveResult<SessionsReport>> {
      const result = await everyEndpoint('GET', text);
      if (!result.ok) return result;
      const { user, sessions, errors } = result.value;
      return { ok: true, value: { user, total: sessions.length, sessions, errors } };
    },

    async endSessions(text): Promise<LiveResult<EndReport>> {
      const result = await everyEndpoint('DELETE', text);
      if (!result.ok) return result;
      const { user, sessions, errors } = result.value;
      return { ok: true, value: { user, ended: sessions.length, errors } };
    },

    async licenses(text): Promise<LiveResult<LicensesReport>> {
      const user = parseQlikUserName(text);
      if (user === undefined) return { ok: false, error: badUser(text) };
      if (config.repositoryUrl === undefined) return { ok: false, error: notConfigured('QLIK_REPOSITORY_URL (the repository API, e.g. https://qs1:4242)') };
      const prepared = await prepare();
      if (!prepared.ok) return prepared;
      const allocations = await allocationsOf(prepared.client, config.repositoryUrl, user);
      if (!allocations.ok) return { ok: false, error: liveFailure(allocations.error) };
      return { ok: true, value: { user: formatQlikUserName(user), allocations: allocations.value } };
    },

    async doctor(): Promise<LiveResult<DoctorReport>> {
      const prepared = await prepare();
      if (!prepared.ok) return prepared;
      const { client, certificates } = prepared;
      const findings: DoctorFinding[] = [checkCertificateExpiry(certificates.cert, certificates.certPath, clock())];
      if (config.tlsInsecure) {
        findings.push({
          code: 'tls-insecure',
          severity: 'warning',
          user: null,
          detail: 'QLIK_TLS_INSECURE=true: server host names are not checked. Use the host names the Qlik certificates were issued for and set it to false.',
        });
      }
      let reached = 0;
      let attempted = 0;

      if (config.repositoryUrl === undefined) {
        findings.push({ code: 'repository-not-configured', severity: 'info', user: null, detail: 'Set QLIK_REPOSITORY_URL (e.g. https://qs1:4242) to check licence allocations.' });
      } else {
        attempted += 1;
        const repositoryFindings = await checkRepository(client, config.repositoryUrl);
        if (repositoryFindings.reached) reached += 1;
        findings.push(...repositoryFindings.findings);
      }

      if (config.proxyUrls.length === 0) {
        findings.push({ code: 'proxies-not-configured', severity: 'info', user: null, detail: 'Set QLIK_PROXY_URLS (one URL per proxy node, e.g. https://qs1:4243) to check the proxy nodes.' });
      } else {
        attempted += 1;
        const proxyFindings = await checkProxies(client);
        if (proxyFindings.reached) reached += 1;
        findings.push(...proxyFindings.findings);
      }
      if (attempted > 0 && reached === 0) {
        const problems = findings.filter((finding) => finding.severity === 'problem').map((finding) => finding.detail);
        return { ok: false, error: { code: 'nothing-answered', message: `No Qlik Sense service answered:\n${problems.map((problem) => `- ${problem}`).join('\n')}` } };
      }
      return { ok: true, value: { findings } };
    },
  };

  /** Each repository check runs on its own: one that fails, or gets an answer it cannot read, never stops the next. */
  async function checkRepository(client: QlikHttpClient, repositoryUrl: string): Promise<{ reached: boolean; findings: DoctorFinding[] }> {
    const findings: DoctorFinding[] = [];
    let reached = false;
    const heard = (failure: RequestFailure) => {
      if (!UNREACHED.has(failure.code)) reached = true;
    };
    const overview = await client.call('GET', repositoryUrl, '/qrs/license/accesstypeoverview', accessTypeOverviewSchema);
    if (overview.ok) {
      reached = true;
      findings.push(...accessPassFindings(overview.value));
    } else {
      heard(overview.error);
      findings.push(
        UNREACHED.has(overview.error.code)
          ? { code: 'repository-unreachable', severity: 'problem', user: null, detail: overview.error.message }
          : {
              code: 'licence-overview-unreadable',
              severity: 'warning',
              user: null,
              detail: `The licence overview (/qrs/license/accesstypeoverview) could not be used: ${overview.error.message} The other checks ran without it.`,
            },
      );
    }
    if (config.serviceAccounts.length === 0) {
      const candidates = await licensedRootAdmins(client, repositoryUrl);
      if (candidates.ok) reached = true;
      else heard(candidates.error);
      findings.push(noServiceAccountsFinding(candidates));
    }
    for (const account of config.serviceAccounts) {
      const user = parseQlikUserName(account);
      if (user === undefined) continue;
      const allocations = await allocationsOf(client, repositoryUrl, user);
      if (!allocations.ok) {
        heard(allocations.error);
        const unreached = UNREACHED.has(allocations.error.code);
        findings.push({
          code: unreached ? 'repository-unreachable' : 'service-account-unchecked',
          severity: unreached ? 'problem' : 'warning',
          user: account,
          detail: unreached ? allocations.error.message : `The licence allocations of ${account} could not be checked: ${allocations.error.message}`,
        });
        continue;
      }
      reached = true;
      if (allocations.value.length > 0) {
        const types = unique(allocations.value.map((allocation) => allocation.type)).join(', ');
        findings.push({
          code: 'service-account-licensed',
          severity: 'problem',
          user: account,
          detail:
            `The service account ${account} holds a licence allocation (${types}). Its Monitoring-app and REST calls then count as sessions ` +
            'and can exhaust the limit; remove the allocation in the QMC (License management) and exclude the account from the allocation rules.',
        });
      } else {
        findings.push({ code: 'service-account-unlicensed', severity: 'info', user: account, detail: `The service account ${account} holds no licence allocation, as it should.` });
      }
    }
    return { reached, findings };
  }

  /** Without QLIK_SERVICE_ACCOUNTS: the RootAdmins that hold a licence, since the service account is a RootAdmin. */
  async function licensedRootAdmins(client: QlikHttpClient, repositoryUrl: string): Promise<CallResult<RootAdminCandidates>> {
    const admins = await client.call('GET', repositoryUrl, '/qrs/user/full', userListSchema, { filter: "roles eq 'RootAdmin'" });
    if (!admins.ok) return admins;
    // The filter narrows the answer on the server; the roles are checked again here.
    const rootAdmins = admins.value.filter((user) => (user.roles ?? []).includes('RootAdmin')).slice(0, MAX_ROOT_ADMINS);
    const licensed: string[] = [];
    for (const admin of rootAdmins) {
      const ref = { directory: admin.userDirectory, id: admin.userId };
      const allocations = await allocationsOf(client, repositoryUrl, ref);
      if (!allocations.ok) return allocations;
      if (allocations.value.length > 0) licensed.push(`${formatQlikUserName(ref)} (${unique(allocations.value.map((allocation) => allocation.type)).join(', ')})`);
    }
    return { ok: true, value: { admins: rootAdmins.length, licensed } };
  }

  async function checkProxies(client: QlikHttpClient): Promise<{ reached: boolean; findings: DoctorFinding[] }> {
    const findings: DoctorFinding[] = [];
    const proxies = await virtualProxies(client);
    if (!proxies.ok) findings.push({ code: 'virtual-proxies-unknown', severity: 'warning', user: null, detail: `${proxies.error.message} Only the default proxy was checked.` });
    const prefixes = proxies.ok ? proxies.value.prefixes : [''];
    const discovered = proxies.ok && proxies.value.discovered;
    // Asking for the API user's own sessions is harmless, documented and answered by every node and virtual proxy.
    const path = (prefix: string) => `${qpsBase(prefix)}/user/${encodeURIComponent(config.apiUser.directory)}/${encodeURIComponent(config.apiUser.id)}`;
    const endpoints = config.proxyUrls.flatMap((proxy) => prefixes.map((virtualProxy) => ({ proxy, virtualProxy })));
    const answers = await Promise.all(endpoints.map(async (endpoint) => ({ endpoint, answer: await client.call('GET', endpoint.proxy, path(endpoint.virtualProxy), sessionListSchema) })));
    let answered = 0;
    for (const { endpoint, answer } of answers) {
      if (answer.ok || (discovered && answer.error.code === 'not-found')) {
        answered += 1;
        continue;
      }
      findings.push({
        code: 'proxy-unreachable',
        severity: 'problem',
        user: null,
        detail: `Proxy node ${endpoint.proxy}, ${virtualProxyLabel(endpoint.virtualProxy)}: ${answer.error.message} Session counts leave this node out until it answers.`,
      });
    }
    if (answered === endpoints.length) {
      findings.push({
        code: 'proxies-answer',
        severity: 'info',
        user: null,
        detail: `All ${config.proxyUrls.length} proxy node${config.proxyUrls.length === 1 ? '' : 's'} answered for ${prefixes.length} virtual prox${prefixes.length === 1 ? 'y' : 'ies'}.`,
      });
    }
    return { reached: answered > 0, findings };
  }
}

/** `/qps` for the default proxy, `/qps/<prefix>` for a virtual proxy. */
function qpsBase(prefix: string): string {
  return prefix === '' ? '/qps' : `/qps/${encodeURIComponent(prefix)}`;
}

function sessionsOf(answer: readonly SessionData[] | null, user: QlikUserRef): SessionData[] {
  // Sessions that name another user are not this user's, whatever the node says.
  return (answer ?? []).filter((session) =>
    session.userDirectory === undefined || session.userId === undefined ? true : sameQlikUser({ directory: session.userDirectory, id: session.userId }, user),
  );
}

function noProxyAnswered(errors: readonly NodeError[], codes: readonly string[]): LiveFailure {
  if (errors.length === 0) {
    return { code: 'not-found', message: 'No proxy node knows any of the virtual proxies found in the repository. Set QLIK_VIRTUAL_PROXIES to the prefixes in use.' };
  }
  const lines = errors.map((error) => `- ${error.proxy} (${virtualProxyLabel(error.virtualProxy)}): ${error.message}`);
  // One shared cause (all 403, all refused) keeps its own code so callers can tell it apart.
  const distinct = unique(codes);
  return { code: distinct.length === 1 && distinct[0] !== undefined ? distinct[0] : 'no-proxy-answered', message: `No proxy node answered, so there is no count:\n${lines.join('\n')}` };
}

function liveFailure(error: RequestFailure): LiveFailure {
  return { code: error.code, message: error.message };
}

function badUser(text: string): LiveFailure {
  return { code: 'bad-user', message: `"${text}" is not a Qlik user name; write it as DIRECTORY\\user, for example CORP\\mweber.` };
}

function notConfigured(setting: string): LiveFailure {
  return { code: 'not-configured', message: `The live Qlik Sense APIs are not configured: set ${setting}.` };
}

function quoteFilter(value: string): string {
  return value.replace(/'/g, "''");
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

interface RootAdminCandidates {
  readonly admins: number;
  /** `DIR\\user (professional, login)` for each RootAdmin with an allocation. */
  readonly licensed: string[];
}

/** Failures where the repository was not reached at all (not an answer it gave that was refused or unreadable). */
const UNREACHED: ReadonlySet<string> = new Set([
  'timeout',
  'connection-refused',
  'host-not-found',
  'network-error',
  'server-certificate-untrusted',
  'server-name-mismatch',
  'client-certificate-rejected',
]);

const MAX_ROOT_ADMINS = 50;

function accessPassFindings(overview: AccessTypeOverview): DoctorFinding[] {
  const findings: DoctorFinding[] = [];
  const kinds = [
    ['professional', overview.professionalAccess],
    ['analyzer', overview.analyzerAccess],
    ['user', overview.userAccess],
    ['login', overview.loginAccess],
  ] as const;
  for (const [kind, summary] of kinds) {
    if (summary == null || summary.enabled === false || summary.available === undefined || summary.total === undefined || summary.total === 0) continue;
    if (summary.available <= 0) {
      findings.push({
        code: 'no-access-passes-left',
        severity: 'warning',
        user: null,
        detail: `All ${summary.total} ${kind} access passes are allocated; new users get "you have no access pass". Free allocations in the QMC (License management) or add licences.`,
      });
    }
  }
  return findings;
}

const SET_SERVICE_ACCOUNTS =
  'The main check, whether the account that runs the Qlik services holds a licence (its Monitoring-app calls then use up sessions), ' +
  'needs QLIK_SERVICE_ACCOUNTS: set it to that account (the Windows account of the Qlik services, e.g. DOMAIN\\qvservice) and run doctor again.';

function noServiceAccountsFinding(candidates: CallResult<RootAdminCandidates>): DoctorFinding {
  const detail = !candidates.ok
    ? `${SET_SERVICE_ACCOUNTS} The RootAdmins could not be listed as candidates: ${candidates.error.message}`
    : candidates.value.licensed.length > 0
      ? `${SET_SERVICE_ACCOUNTS} Candidates, RootAdmins that hold a licence: ${candidates.value.licensed.join(', ')}.`
      : `${SET_SERVICE_ACCOUNTS} None of the ${candidates.value.admins} RootAdmins holds a licence, so a licensed service account is unlikely.`;
  return { code: 'no-service-accounts', severity: 'warning', user: null, detail };
}
