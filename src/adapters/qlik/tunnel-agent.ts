import type { ClientRequest } from 'node:http';
import type { Socket } from 'node:net';
import type { ConnectionOptions } from 'node:tls';
import { HttpsProxyAgent } from 'https-proxy-agent';

type AgentConnectOpts = Parameters<HttpsProxyAgent<string>['connect']>[1];

/**
 * A CONNECT tunnel through HTTPS_PROXY whose TLS session to the Qlik server carries the client certificate and
 * trusts root.pem: https-proxy-agent applies its own options to the proxy connection only, so they go in here.
 */
export class TunnelAgent extends HttpsProxyAgent<string> {
  readonly #tls: ConnectionOptions;

  constructor(proxy: string, tls: ConnectionOptions) {
    super(proxy);
    this.#tls = tls;
  }

  override connect(request: ClientRequest, options: AgentConnectOpts): Promise<Socket> {
    return super.connect(request, { ...options, ...this.#tls } as AgentConnectOpts);
  }
}
