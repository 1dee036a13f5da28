import type { QlikConfig } from './read-config.js';

/** What a live command needs: the proxy nodes (sessions, end), the repository (licenses) or either (doctor). */
export type QlikCapability = 'sessions' | 'licenses' | 'doctor';

/** Each Qlik setting a live call may need, with an example: the one wording of the setup hints. */
export const QLIK_SETTING_HINTS = {
  certDir: 'QLIK_CERT_DIR: the folder with client.pem, client_key.pem and root.pem exported from the QMC',
  proxyUrls: 'QLIK_PROXY_URLS: one URL per proxy node, e.g. https://qs1:4243,https://qs2:4243',
  repositoryUrl: 'QLIK_REPOSITORY_URL: the repository API, e.g. https://qs1:4242',
  virtualProxies:
    'QLIK_VIRTUAL_PROXIES (comma list of prefixes, empty = the default proxy) or QLIK_REPOSITORY_URL to discover them',
  proxiesOrRepository: 'QLIK_PROXY_URLS (e.g. https://qs1:4243) and/or QLIK_REPOSITORY_URL (e.g. https://qs1:4242)',
} as const;

/** The live APIs cannot answer until these are set: one line each. */
export function notConfiguredMessage(missing: readonly string[]): string {
  return `The live Qlik Sense APIs are not configured. Set:\n${missing.map((setting) => `  - ${setting}`).join('\n')}`;
}

/** The settings still to set before a live command can run, each with an example; empty when it can run. */
export function missingQlikSettings(config: QlikConfig, capability: QlikCapability): string[] {
  const missing: string[] = [];
  if (config.certDir === undefined) missing.push(QLIK_SETTING_HINTS.certDir);
  switch (capability) {
    case 'sessions':
      if (config.proxyUrls.length === 0) missing.push(QLIK_SETTING_HINTS.proxyUrls);
      if (config.virtualProxies === undefined && config.repositoryUrl === undefined)
        missing.push(QLIK_SETTING_HINTS.virtualProxies);
      break;
    case 'licenses':
      if (config.repositoryUrl === undefined) missing.push(QLIK_SETTING_HINTS.repositoryUrl);
      break;
    case 'doctor':
      if (config.proxyUrls.length === 0 && config.repositoryUrl === undefined)
        missing.push(QLIK_SETTING_HINTS.proxiesOrRepository);
      break;
    default: {
      const unknown: never = capability;
      throw new Error(`unknown capability ${String(unknown)}`);
    }
  }
  return missing;
}
