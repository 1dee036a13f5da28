import { QLIK_SETTING_HINTS, type QlikConfig } from '../../config/index.js';
import type { LiveResult } from '../../core/live/index.js';
import { notConfigured } from './connect-qlik.js';
import type { QlikHttpClient } from './qlik-http-client.js';
import { virtualProxyListSchema } from './qlik-schemas.js';

export interface VirtualProxies {
  /** The prefixes to ask on every node; '' is the default proxy. */
  readonly prefixes: readonly string[];
  /** Discovered prefixes may not be linked to every node, so a 404 from a node is not an error for them. */
  readonly discovered: boolean;
}

/** QLIK_VIRTUAL_PROXIES when set, else the prefixes the repository knows (`/qrs/virtualproxyconfig/full`). */
export async function listVirtualProxies(
  client: QlikHttpClient,
  config: QlikConfig,
): Promise<LiveResult<VirtualProxies>> {
  if (config.virtualProxies !== undefined)
    return { ok: true, value: { prefixes: unique(config.virtualProxies), discovered: false } };
  if (config.repositoryUrl === undefined) {
    return {
      ok: false,
      error: notConfigured(QLIK_SETTING_HINTS.virtualProxies),
    };
  }
  const answer = await client.call('GET', config.repositoryUrl, '/qrs/virtualproxyconfig/full', virtualProxyListSchema);
  if (!answer.ok) {
    const message =
      `Cannot discover the virtual proxies: ${answer.error.message} ` +
      'Or set QLIK_VIRTUAL_PROXIES to list the prefixes.';
    return { ok: false, error: { code: answer.error.code, message } };
  }
  const prefixes = unique(answer.value.map((proxy) => (proxy.prefix ?? '').replace(/^\/+|\/+$/g, '')));
  return { ok: true, value: { prefixes: prefixes.length === 0 ? [''] : prefixes, discovered: true } };
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
