import type { LiveFailure } from '../../core/live/index.js';

/** What went wrong with one call, as said to an administrator: the cause and the fix. */
export interface RequestFailure extends LiveFailure {
  readonly status?: number;
}

const UNTRUSTED_CODES = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_SIGNATURE_FAILURE',
  'CERT_UNTRUSTED',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
]);

export interface FailureContext {
  readonly origin: string;
  readonly method: string;
  readonly path: string;
  readonly certDir: string;
  readonly timeoutMs: number;
}

/** Turns a network error from node-fetch into a failure that names the cause and the fix. */
export function describeNetworkError(error: unknown, timedOut: boolean, context: FailureContext): RequestFailure {
  const { origin } = context;
  if (timedOut) {
    return {
      code: 'timeout',
      message: `${origin} did not answer within ${context.timeoutMs / 1000} s. Check that the node is up and reachable from here, or raise QLIK_API_TIMEOUT_SECONDS.`,
    };
  }
  const code = errorCode(error);
  if (UNTRUSTED_CODES.has(code)) {
    return {
      code: 'server-certificate-untrusted',
      message:
        `${origin} presented a server certificate that root.pem in ${context.certDir} does not vouch for (${code}). ` +
        'Export root.pem from the QMC of this Qlik Sense site (with client.pem and client_key.pem), or check that the URL points at the right site.',
    };
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return {
      code: 'server-name-mismatch',
      message:
        `${origin}: the server certificate does not name this host (${code}). Use the host name the Qlik certificate was issued for ` +
        '(the machine name from the QMC) in the URL, or set QLIK_TLS_INSECURE=true to skip only the host-name check.',
    };
  }
  if (/^ERR_SSL_.*ALERT/.test(code) || code === 'ECONNRESET' || code === 'EPROTO') {
    return {
      code: 'client-certificate-rejected',
      message:
        `${origin} broke off the TLS handshake (${code}): it most likely does not accept client.pem from ${context.certDir}. ` +
        'Export the client certificate again from the QMC of this site (Certificates, "Include secret key", PEM format).',
    };
  }
  if (code === 'ECONNREFUSED') {
    return {
      code: 'connection-refused',
      message:
        `${origin} refused the connection. Check that the Qlik Sense service runs on that node and listens on this port ` +
        '(4243 for the proxy API, 4242 for the repository API), and that a firewall lets this machine in.',
    };
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return {
      code: 'host-not-found',
      message: `${origin}: the host name does not resolve (${code}). Check the host name in the URL.`,
    };
  }
  const reason = error instanceof Error ? error.message : String(error);
  return {
    code: 'network-error',
    message: `${origin} could not be reached (${code || reason}). Check the URL, the network and the certificates.`,
  };
}

/** Turns an HTTP status other than 2xx into a failure that names the cause and the fix. */
export function describeHttpStatus(
  status: number,
  apiUser: string,
  context: FailureContext,
  location: string | null = null,
): RequestFailure {
  const call = `${context.method} ${context.path}`;
  if (status >= 300 && status < 400) {
    return {
      status,
      code: 'redirected',
      message:
        `${context.origin} redirected ${call}${location === null ? '' : ` to ${location}`} instead of answering. ` +
        'The URL probably points at the hub or a login page; use the API ports that accept certificates (QPS :4243, QRS :4242).',
    };
  }
  if (status === 403) {
    return {
      status,
      code: 'forbidden',
      message:
        `${context.origin} answered 403 Forbidden to ${call}. Usually the client certificate was not accepted or the Xrfkey did not match; ` +
        `export client.pem and client_key.pem again from this site's QMC, and check that ${apiUser} (QLIK_API_USER) exists and may use the API.`,
    };
  }
  if (status === 401) {
    return {
      status,
      code: 'unauthorized',
      message: `${context.origin} answered 401 Unauthorized to ${call}. Use the QPS/QRS ports that accept certificates (4243, 4242), not the hub port 443.`,
    };
  }
  if (status === 404) {
    return {
      status,
      code: 'not-found',
      message: `${context.origin} answered 404 Not Found to ${call}. Check the URL (QPS on :4243, QRS on :4242) and the virtual proxy prefix.`,
    };
  }
  return {
    status,
    code: 'http-error',
    message: `${context.origin} answered HTTP ${status} to ${call}. Look at the Qlik Sense service logs on that node for the cause.`,
  };
}

export function malformedJson(context: FailureContext): RequestFailure {
  return {
    code: 'malformed-json',
    message:
      `${context.origin} answered ${context.method} ${context.path} with something that is not JSON. ` +
      'Check that the URL points at the Qlik Sense API (QPS on :4243, QRS on :4242), not at a web page or another proxy in between.',
  };
}

export function unexpectedShape(context: FailureContext, issue: string): RequestFailure {
  return {
    code: 'unexpected-response',
    message: `${context.origin} answered ${context.method} ${context.path} with JSON of an unexpected shape (${issue}). Check that the URL points at the Qlik Sense API.`,
  };
}

function errorCode(error: unknown): string {
  if (error === null || typeof error !== 'object') return '';
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && code !== '') return code;
  const cause = (error as { cause?: unknown }).cause;
  return cause === undefined ? '' : errorCode(cause);
}
