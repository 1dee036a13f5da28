import { notConfiguredMessage, QLIK_SETTING_HINTS, type QlikConfig } from '../../config/index.js';
import type { LiveFailure } from '../../core/live/index.js';
import { loadClientCertificates, type ClientCertificates, type TextFileReader } from './client-certificates.js';
import { createQlikHttpClient, type QlikFetch, type QlikHttpClient } from './qlik-http-client.js';

export interface QlikLogger {
  warn(message: string): void;
}

/** What the transport takes from outside: each is optional, the real thing is the default. */
export interface QlikTransportDeps {
  readonly fetch?: QlikFetch;
  readonly readFile?: TextFileReader;
  readonly logger?: QlikLogger;
  /** HTTPS_PROXY (NO_PROXY applied) for a Qlik URL, or undefined to go direct. */
  readonly proxyFor?: (url: URL) => string | undefined;
  /** Told about every API call: node (origin), `ok` or the failure code, seconds. */
  readonly onCall?: (origin: string, outcome: string, seconds: number) => void;
}

export type QlikConnection =
  | { readonly ok: true; readonly client: QlikHttpClient; readonly certificates: ClientCertificates }
  | { readonly ok: false; readonly error: LiveFailure };

/** Loads the client certificates of QLIK_CERT_DIR and builds the HTTPS client over them. */
export async function connectQlik(config: QlikConfig, deps: QlikTransportDeps): Promise<QlikConnection> {
  if (config.certDir === undefined) {
    return { ok: false, error: notConfigured(QLIK_SETTING_HINTS.certDir) };
  }
  const loaded = await loadClientCertificates(config.certDir, deps.readFile);
  if (!loaded.ok) return loaded;
  if (config.tlsInsecure) {
    deps.logger?.warn(
      'QLIK_TLS_INSECURE=true: the Qlik server certificates are not checked against the host names ' +
        '(the chain is still checked against root.pem).',
    );
  }
  const client = createQlikHttpClient({
    certificates: loaded.value,
    certDir: config.certDir,
    apiUser: config.apiUser,
    tlsInsecure: config.tlsInsecure,
    timeoutMs: config.timeoutMs,
    ...(deps.fetch === undefined ? {} : { fetch: deps.fetch }),
    ...(deps.proxyFor === undefined ? {} : { proxyFor: deps.proxyFor }),
    ...(deps.onCall === undefined ? {} : { onCall: deps.onCall }),
  });
  return { ok: true, client, certificates: loaded.value };
}

/** One connection shared by the calls; a failure is not kept: certificates copied in later work without a restart. */
export function sharedConnection(connect: () => Promise<QlikConnection>): () => Promise<QlikConnection> {
  let current: Promise<QlikConnection> | undefined;
  return () => {
    const attempt = (current ??= connect());
    void attempt.then((result) => {
      if (!result.ok && current === attempt) current = undefined;
    });
    return attempt;
  };
}

/** A setting the asked-for call needs (one of QLIK_SETTING_HINTS). */
export function notConfigured(setting: string): LiveFailure {
  return { code: 'not-configured', message: notConfiguredMessage([setting]) };
}
