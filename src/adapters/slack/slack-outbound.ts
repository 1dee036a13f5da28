import { HttpsProxyAgent } from 'https-proxy-agent';
import nodeFetch from 'node-fetch';
import { fetch as undiciFetch, ProxyAgent } from 'undici';
import type { FileFetch } from './download-slack-file.js';
import type { SlackOutbound } from './slack-app-deps.js';

/** The Web API and the Socket Mode WebSocket through HTTPS_PROXY (undici, which the Slack SDK itself uses). */
export function slackOutbound(proxyUrl: string): SlackOutbound {
  const dispatcher = new ProxyAgent(proxyUrl);
  const fetch = ((url: string | URL, init?: RequestInit) =>
    undiciFetch(url, { ...(init as object), dispatcher })) as unknown as SlackOutbound['fetch'];
  return { fetch, dispatcher };
}

/** Shared-file downloads (node-fetch) through the proxy for the hosts `proxyFor` sends there; the rest go direct. */
export function proxiedFileFetch(proxyFor: (url: URL) => string | undefined): FileFetch {
  const agents = new Map<string, HttpsProxyAgent<string>>();
  return (url, init) => {
    const proxy = proxyFor(new URL(url));
    if (proxy === undefined) return nodeFetch(url, init) as unknown as ReturnType<FileFetch>;
    let agent = agents.get(proxy);
    if (agent === undefined) {
      agent = new HttpsProxyAgent(proxy);
      agents.set(proxy, agent);
    }
    return nodeFetch(url, { ...init, agent }) as unknown as ReturnType<FileFetch>;
  };
}
