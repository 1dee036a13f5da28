import { z } from 'zod';
import type { QlikConfig } from '../../config/index.js';
import { connectQlik, type QlikTransportDeps } from './connect-qlik.js';
import { probeProxyNodes } from './probe-proxy-nodes.js';

export type QlikReachability =
  { readonly ok: true; readonly detail: string } | { readonly ok: false; readonly detail: string };

const aboutSchema = z.object({}).loose();

/**
 * Whether the configured Qlik Sense services answer: the repository (`/qrs/about`) when QLIK_REPOSITORY_URL is set,
 * and at least one proxy node (the API user's own sessions, a harmless read) when QLIK_PROXY_URLS is.
 */
export function qlikReadiness(config: QlikConfig, deps: QlikTransportDeps = {}): () => Promise<QlikReachability> {
  return async () => {
    if (config.certDir === undefined) return { ok: false, detail: 'QLIK_CERT_DIR is not set' };
    // Connected afresh on every probe, so removed or replaced certificates show at once.
    const connection = await connectQlik(config, deps);
    if (!connection.ok) return { ok: false, detail: connection.error.message };
    const { client } = connection;
    const problems: string[] = [];
    if (config.repositoryUrl !== undefined) {
      const about = await client.call('GET', config.repositoryUrl, '/qrs/about', aboutSchema);
      if (!about.ok) problems.push(`repository: ${about.error.message}`);
    }
    const probes = await probeProxyNodes(client, config);
    const failed = probes.flatMap(({ url, answer }) => (answer.ok ? [] : [`${url}: ${answer.error.message}`]));
    if (config.proxyUrls.length > 0 && failed.length === config.proxyUrls.length)
      problems.push(`no proxy node answered (${failed.join('; ')})`);
    if (problems.length > 0) return { ok: false, detail: problems.join('; ') };
    const nodes = config.proxyUrls.length - failed.length;
    const repository = config.repositoryUrl === undefined ? '' : 'repository and ';
    return {
      ok: true,
      detail: `${repository}${nodes} of ${config.proxyUrls.length} proxy nodes answer`,
    };
  };
}
