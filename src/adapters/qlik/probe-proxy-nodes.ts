import type { QlikConfig } from '../../config/index.js';
import type { CallResult, QlikHttpClient } from './qlik-http-client.js';
import { sessionListSchema } from './qlik-schemas.js';
import { userSessionsPath } from './qps-paths.js';

export interface NodeProbe {
  readonly url: string;
  readonly answer: CallResult<unknown>;
}

/** Each proxy node asked for the API user's own sessions on the default proxy: harmless, and shows it answers. */
export function probeProxyNodes(client: QlikHttpClient, config: QlikConfig): Promise<NodeProbe[]> {
  const path = userSessionsPath('', config.apiUser);
  return Promise.all(
    config.proxyUrls.map(async (url) => ({ url, answer: await client.call('GET', url, path, sessionListSchema) })),
  );
}
