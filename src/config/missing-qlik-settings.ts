import type { QlikConfig } from './read-config.js';

/** What a live command needs: the proxy nodes (sessions, end), the repository (licenses) or either (doctor). */
export type QlikCapability = 'sessions' | 'licenses' | 'doctor';

const CERT_DIR = 'QLIK_CERT_DIR: the folder with client.pem, client_key.pem and root.pem exported from the QMC';
const PROXY_URLS = 'QLIK_PROXY_URLS: one URL per proxy node, e.g. https://qs1:4243,https://qs2:4243';
const REPOSITORY_URL = 'QLIK_REPOSITORY_URL: the repository API, e.g. https://qs1:4242';
const PREFIXES = 'QLIK_VIRTUAL_PROXIES (comma list of prefixes, empty = the default proxy) or QLIK_REPOSITORY_URL to discover them';
const EITHER = 'QLIK_PROXY_URLS (e.g. https://qs1:4243) and/or QLIK_REPOSITORY_URL (e.g. https://qs1:4242)';

/** The settings still to set before a live command can run, each with an example; empty when it can run. */
export function missingQlikSettings(config: QlikConfig, capability: QlikCapability): string[] {
  const missing: string[] = [];
  if (config.certDir === undefined) missing.push(CERT_DIR);
  switch (capability) {
    case 'sessions':
      if (config.proxyUrls.length === 0) missing.push(PROXY_URLS);
      if (config.virtualProxies === undefined && config.repositoryUrl === undefined) missing.push(PREFIXES);
      break;
    case 'licenses':
      if (config.repositoryUrl === undefined) missing.push(REPOSITORY_URL);
      break;
    case 'doctor':
      if (config.proxyUrls.length === 0 && config.repositoryUrl === undefined) missing.push(EITHER);
      break;
    default: {
      const unknown: never = capability;
      throw new Error(`unknown capability ${String(unknown)}`);
    }
  }
  return missing;
}
