import type { QlikApiStatus } from '../../bot/index.js';
import { missingQlikSettings, type QlikConfig } from '../../config/index.js';
import { certificateFinding } from '../../core/live/index.js';
import { connectQlik, type QlikTransportDeps } from './connect-qlik.js';
import { probeProxyNodes } from './probe-proxy-nodes.js';

export interface QlikStatusDeps extends QlikTransportDeps {
  readonly clock?: () => Date;
}

/** For App Home: the settings still missing, whether each proxy node answers, when the certificate runs out. */
export function createQlikStatusCheck(config: QlikConfig, deps: QlikStatusDeps = {}): () => Promise<QlikApiStatus> {
  const clock = deps.clock ?? (() => new Date());
  return async () => {
    const missing = missingQlikSettings(config, 'sessions');
    if (config.certDir === undefined || config.proxyUrls.length === 0) {
      return { configured: false, missing, nodes: [], certificateValidTo: null, certificateDetail: 'not configured' };
    }
    const connection = await connectQlik(config, deps);
    if (!connection.ok) {
      return {
        configured: true,
        missing,
        nodes: config.proxyUrls.map((url) => ({
          url,
          answering: false,
          detail: 'not asked: the client certificates could not be loaded',
        })),
        certificateValidTo: null,
        certificateDetail: connection.error.message,
      };
    }
    const { client, certificates } = connection;
    const validTo = certificates.validity.validTo;
    const expiry = certificateFinding(certificates.validity, clock());
    const nodes = (await probeProxyNodes(client, config)).map(({ url, answer }) =>
      answer.ok ? { url, answering: true, detail: '' } : { url, answering: false, detail: answer.error.message },
    );
    const certificateValidTo = Number.isNaN(validTo.getTime()) ? null : validTo.toISOString();
    return { configured: true, missing, nodes, certificateValidTo, certificateDetail: expiry.detail };
  };
}
