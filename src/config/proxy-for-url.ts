/** The proxy settings as read from HTTPS_PROXY and NO_PROXY. */
export interface ProxySettings {
  readonly httpsProxy: string | undefined;
  readonly noProxy: readonly string[];
}

function defaultPort(url: URL): string {
  if (url.port !== '') return url.port;
  return url.protocol === 'https:' || url.protocol === 'wss:' ? '443' : '80';
}

/** `host`, `host:port`, `[v6]:port`: the host part (lower case, no brackets) and the port if one was given. */
function splitEntry(entry: string): { host: string; port: string | undefined } {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
  if (bracketed !== null) return { host: bracketed[1] ?? '', port: bracketed[2] };
  const hostPort = /^([^:]+):(\d+)$/.exec(entry);
  if (hostPort !== null) return { host: hostPort[1] ?? '', port: hostPort[2] };
  return { host: entry, port: undefined };
}

/**
 * The proxy to use for `url`, or undefined to go direct: NO_PROXY entries match the host and its subdomains
 * (`corp.local` and `.corp.local` alike), optionally on one port; `*` turns the proxy off, as curl does.
 */
export function proxyFor(settings: ProxySettings, url: URL | string): string | undefined {
  if (settings.httpsProxy === undefined) return undefined;
  const target = typeof url === 'string' ? new URL(url) : url;
  const host = target.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  const port = defaultPort(target);
  for (const entry of settings.noProxy) {
    if (entry === '*') return undefined;
    const { host: entryHost, port: entryPort } = splitEntry(entry.toLowerCase());
    if (entryPort !== undefined && entryPort !== port) continue;
    const bare = entryHost.replace(/^\*?\./, '');
    if (bare !== '' && (host === bare || host.endsWith(`.${bare}`))) return undefined;
  }
  return settings.httpsProxy;
}
