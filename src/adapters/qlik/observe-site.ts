import type { QlikConfig } from '../../config/index.js';
import type { DoctorObservations, ProxyObservations, RepositoryObservations } from '../../core/live/index.js';
import { parseQlikUserName } from '../../core/users/index.js';
import type { ClientCertificates } from './client-certificates.js';
import type { QlikHttpClient } from './qlik-http-client.js';
import { accessTypeOverviewSchema, sessionListSchema } from './qlik-schemas.js';
import { userSessionsPath } from './qps-paths.js';
import { rootAdminCandidates } from './root-admin-candidates.js';
import { userAllocations } from './user-allocations.js';
import { listVirtualProxies } from './virtual-proxies.js';

/** Asks the APIs what doctor's rules need, each question on its own so that one failing never stops the next. */
export async function observeSite(
  client: QlikHttpClient,
  certificates: ClientCertificates,
  config: QlikConfig,
  now: Date,
): Promise<DoctorObservations> {
  const repository =
    config.repositoryUrl === undefined
      ? undefined
      : await observeRepository(client, config.repositoryUrl, config.serviceAccounts);
  const proxies = config.proxyUrls.length === 0 ? undefined : await observeProxies(client, config);
  return {
    now,
    certificate: certificates.validity,
    tlsInsecure: config.tlsInsecure,
    ...(repository === undefined ? {} : { repository }),
    ...(proxies === undefined ? {} : { proxies }),
  };
}

async function observeRepository(
  client: QlikHttpClient,
  repositoryUrl: string,
  serviceAccounts: readonly string[],
): Promise<RepositoryObservations> {
  const overview = await client.call('GET', repositoryUrl, '/qrs/license/accesstypeoverview', accessTypeOverviewSchema);
  const rootAdmins = serviceAccounts.length === 0 ? await rootAdminCandidates(client, repositoryUrl) : undefined;
  const accounts: { account: string; allocations: RepositoryObservations['serviceAccounts'][number]['allocations'] }[] =
    [];
  for (const account of serviceAccounts) {
    const user = parseQlikUserName(account);
    if (user === undefined) continue;
    accounts.push({ account, allocations: await userAllocations(client, repositoryUrl, user) });
  }
  return {
    overview: overview.ok
      ? {
          ok: true,
          value: {
            professional: overview.value.professionalAccess,
            analyzer: overview.value.analyzerAccess,
            user: overview.value.userAccess,
            login: overview.value.loginAccess,
          },
        }
      : overview,
    serviceAccounts: accounts,
    ...(rootAdmins === undefined ? {} : { rootAdmins }),
  };
}

async function observeProxies(client: QlikHttpClient, config: QlikConfig): Promise<ProxyObservations> {
  const virtualProxies = await listVirtualProxies(client, config);
  const prefixes = virtualProxies.ok ? virtualProxies.value.prefixes : [''];
  const endpoints = config.proxyUrls.flatMap((proxy) => prefixes.map((virtualProxy) => ({ proxy, virtualProxy })));
  // Asking for the API user's own sessions is harmless, documented and answered by every node and virtual proxy.
  const probes = await Promise.all(
    endpoints.map(async ({ proxy, virtualProxy }) => {
      const answer = await client.call('GET', proxy, userSessionsPath(virtualProxy, config.apiUser), sessionListSchema);
      return { proxy, virtualProxy, answer: answer.ok ? { ok: true as const, value: null } : answer };
    }),
  );
  return {
    nodes: config.proxyUrls.length,
    prefixes,
    virtualProxies: virtualProxies.ok
      ? { ok: true, value: { discovered: virtualProxies.value.discovered } }
      : virtualProxies,
    probes,
  };
}
