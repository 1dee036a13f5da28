import { X509Certificate } from 'node:crypto';
import { z } from 'zod';
import type { QlikApiStatus } from '../../bot/index.js';
import { missingQlikSettings, type QlikConfig } from '../../config/index.js';
import { checkCertificateExpiry } from './certificate-expiry.js';
import { loadClientCertificates, type TextFileReader } from './client-certificates.js';
import { createQlikHttpClient, type QlikFetch } from './qlik-http-client.js';

export interface QlikStatusDeps {
  readonly fetch?: QlikFetch;
  readonly readFile?: TextFileReader;
  readonly clock?: () => Date;
}

const anyList = z.array(z.unknown());

/** For App Home: the settings still missing, each proxy node answering or not (the API user's sessions), the certificate's expiry. */
export function createQlikStatusCheck(config: QlikConfig, deps: QlikStatusDeps = {}): () => Promise<QlikApiStatus> {
  const clock = deps.clock ?? (() => new Date());
  return async () => {
    const missing = missingQlikSettings(config, 'sessions');
    if (config.certDir === undefined || config.proxyUrls.length === 0) {
      return { configured: false, missing, nodes: [], certificateValidTo: null, certificateDetail: 'not configured' };
    }
    const loaded = await loadClientCertificates(config.certDir, deps.readFile);
    if (!loaded.ok) {
      return {
        configured: true,
        missing,
        nodes: config.proxyUrls.map((url) => ({ url, answering: false, detail: 'not asked: the client certificates could not be loaded' })),
        certificateValidTo: null,
        certificateDetail: loaded.error.message,
      };
    }
    const certificates = loaded.value;
    let validTo: string | null;
    try {
      validTo = new Date(new X509Certificate(certificates.cert).validTo).toISOString();
    } catch {
      validTo = null;
    }
    const expiry = checkCertificateExpiry(certificates.cert, certificates.certPath, clock());
    const client = createQlikHttpClient({
      certificates,
      certDir: config.certDir,
      apiUser: config.apiUser,
      tlsInsecure: config.tlsInsecure,
      timeoutMs: config.timeoutMs,
      ...(deps.fetch === undefined ? {} : { fetch: deps.fetch }),
    });
    const path = `/qps/user/${encodeURIComponent(config.apiUser.directory)}/${encodeURIComponent(config.apiUser.id)}`;
    const nodes = await Promise.all(
      config.proxyUrls.map(async (url) => {
        const answer = await client.call('GET', url, path, anyList);
        return answer.ok ? { url, answering: true, detail: '' } : { url, answering: false, detail: answer.error.message };
      }),
    );
    return { configured: true, missing, nodes, certificateValidTo: validTo, certificateDetail: expiry.detail };
  };
}
