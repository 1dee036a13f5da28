import { QLIK_SETTING_HINTS, type QlikConfig } from '../../config/index.js';
import { nodeErrorLine, type LiveFailure, type LiveResult, type NodeError } from '../../core/live/index.js';
import { notConfigured, type QlikConnection } from './connect-qlik.js';
import type { CallResult, QlikHttpClient } from './qlik-http-client.js';
import { listVirtualProxies } from './virtual-proxies.js';

/** One proxy endpoint: a node of QLIK_PROXY_URLS and a virtual proxy prefix ('' = the default proxy). */
export interface Endpoint {
  readonly proxy: string;
  readonly virtualProxy: string;
}

export interface EndpointAnswers<T> {
  readonly answers: readonly { readonly endpoint: Endpoint; readonly value: T }[];
  /** The endpoints that did not answer; the others still count. */
  readonly errors: readonly NodeError[];
}

/** Asks every proxy node on every virtual proxy at once; a failure only when none of them answered. */
export async function askEveryEndpoint<T>(
  connect: () => Promise<QlikConnection>,
  config: QlikConfig,
  ask: (client: QlikHttpClient, endpoint: Endpoint) => Promise<CallResult<T>>,
): Promise<LiveResult<EndpointAnswers<T>>> {
  if (config.proxyUrls.length === 0) return { ok: false, error: notConfigured(QLIK_SETTING_HINTS.proxyUrls) };
  const connection = await connect();
  if (!connection.ok) return connection;
  const { client } = connection;
  const proxies = await listVirtualProxies(client, config);
  if (!proxies.ok) return proxies;
  const endpoints = config.proxyUrls.flatMap((proxy) =>
    proxies.value.prefixes.map((virtualProxy) => ({ proxy, virtualProxy })),
  );
  const results = await Promise.all(
    endpoints.map(async (endpoint) => ({ endpoint, answer: await ask(client, endpoint) })),
  );
  const answers: { endpoint: Endpoint; value: T }[] = [];
  const errors: NodeError[] = [];
  const codes: string[] = [];
  for (const { endpoint, answer } of results) {
    if (answer.ok) {
      answers.push({ endpoint, value: answer.value });
    } else if (!(proxies.value.discovered && answer.error.code === 'not-found')) {
      errors.push({ proxy: endpoint.proxy, virtualProxy: endpoint.virtualProxy, message: answer.error.message });
      codes.push(answer.error.code);
    }
  }
  if (answers.length === 0) return { ok: false, error: noProxyAnswered(errors, codes) };
  return { ok: true, value: { answers, errors } };
}

function noProxyAnswered(errors: readonly NodeError[], codes: readonly string[]): LiveFailure {
  if (errors.length === 0) {
    return {
      code: 'not-found',
      message:
        'No proxy node knows any of the virtual proxies found in the repository. ' +
        'Set QLIK_VIRTUAL_PROXIES to the prefixes in use.',
    };
  }
  const lines = errors.map((error) => `- ${nodeErrorLine(error)}`);
  // One shared cause (all 403, all refused) keeps its own code so callers can tell it apart.
  const distinct = [...new Set(codes)];
  const code = distinct.length === 1 && distinct[0] !== undefined ? distinct[0] : 'no-proxy-answered';
  return { code, message: `No proxy node answered, so there is no count:\n${lines.join('\n')}` };
}
