import { z } from 'zod';
import type { QlikConfig } from '../../config/index.js';
import { loadClientCertificates } from './client-certificates.js';
import type { LiveQlikDeps } from './create-live-qlik.js';
import { createQlikHttpClient } from './qlik-http-client.js';
import { sessionListSchema } from './qlik-schemas.js';

export type QlikReachability = { readonly ok: true; readonly detail: string } | { readonly ok: false; readonly detail: string };

const aboutSchema = z.object({}).loose();

/**
 * Whether the configured Qlik Sense services answer: the repository (`/qrs/about`) when QLIK_REPOSITORY_URL is set,
 * and at least one proxy node (the API user's own sessions, a harmless read) when QLIK_PROXY_URLS is.
 */
export function qlikReadiness(config: QlikConfig, deps: LiveQlikDeps = {}): () => Promise<QlikReachability> {
  return async () => {
    if (config.certDir === undefined) return { ok: false, detail: 'QLIK_CERT_DIR is not set' };
    const certificates = await loadClientCertificates(config.certDir, deps.readFile);
    if (!certificates.ok) return { ok: false, detail: certificates.error.message };
    const client = createQlikHttpClient({
      certificates: certificates.value,
      certDir: config.certDir,
      apiUser: config.apiUser,
      tlsInsecure: config.tlsInsecure,
      timeoutMs: config.timeoutMs,
      ...(deps.fetch === undefined ? {} : { fetch: deps.fetch }),
      ...(deps.proxyFor === undefined ? {} : { proxyFor: deps.proxyFor }),
      ...(deps.onCall === undefined ? {} : { onCall: deps.onCall }),
    });
    const problems: string[] = [];
    if (config.repositoryUrl !== undefined) {
      const about = await client.call('GET', config.repositoryUrl, '/qrs/about', aboutSchema);
      if (!about.ok) problems.push(`repository: ${about.error.message}`);
    }
    const user = `${encodeURIComponent(config.apiUser.directory)}/${encodeURIComponent(config.apiUser.id)}`;
    const proxies = await Promise.all(config.proxyUrls.map((proxy) => client.call('GET', proxy, `/qps/user/${user}`, sessionListSchema)));
    const failed = proxies.flatMap((answer, index) => (answer.ok ? [] : [`${config.proxyUrls[index] ?? ''}: ${answer.error.message}`]));
    if (config.proxyUrls.length > 0 && failed.length === config.proxyUrls.length) problems.push(`no proxy node answered (${failed.join('; ')})`);
    if (problems.length > 0) return { ok: false, detail: problems.join('; ') };
    const nodes = config.proxyUrls.length - failed.length;
    return { ok: true, detail: `${config.repositoryUrl === undefined ? '' : 'repository and '}${nodes} of ${config.proxyUrls.length} proxy nodes answer` };
  };
}
