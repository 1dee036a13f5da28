import { Agent } from 'node:https';
import type { RequestInit, Response } from 'node-fetch';
import type { z } from 'zod';
import { formatQlikUserName, type QlikUserRef } from '../../core/users/index.js';
import type { ClientCertificates } from './client-certificates.js';
import {
  describeHttpStatus,
  describeNetworkError,
  malformedJson,
  unexpectedShape,
  type FailureContext,
  type RequestFailure,
} from './describe-request-failure.js';
import { qlikUserHeader } from './qlik-user-header.js';
import { TunnelAgent } from './tunnel-agent.js';
import { createXrfkey } from './xrfkey.js';

/** The slice of node-fetch the client uses; tests and callers may pass their own. */
export type QlikFetch = (url: string, init: RequestInit) => Promise<Response>;

export type HttpMethod = 'GET' | 'DELETE';

export type CallResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: RequestFailure };

export interface QlikHttpClient {
  /** Calls `base` + `path` (path already URL-encoded) and validates the JSON answer. */
  call<T>(
    method: HttpMethod,
    base: string,
    path: string,
    schema: z.ZodType<T>,
    query?: Readonly<Record<string, string>>,
  ): Promise<CallResult<T>>;
}

export interface QlikHttpClientOptions {
  readonly certificates: ClientCertificates;
  readonly certDir: string;
  readonly apiUser: QlikUserRef;
  readonly tlsInsecure: boolean;
  readonly timeoutMs: number;
  readonly fetch?: QlikFetch;
  /** The HTTPS_PROXY URL to tunnel through for this origin (NO_PROXY already applied), or undefined to go direct. */
  readonly proxyFor?: (url: URL) => string | undefined;
  /** Told about every call: the origin called, `ok` or the failure code, and how long it took. */
  readonly onCall?: (origin: string, outcome: string, seconds: number) => void;
}

// node-fetch is loaded on the first call, so commands that never call Qlik (ask, kb) do not pay for it.
const nodeFetch: QlikFetch = async (url, init) => (await import('node-fetch')).default(url, init);

/** QPS/QRS over HTTPS with the exported client certificate, a fresh Xrfkey per call and a timeout on every call. */
export function createQlikHttpClient(options: QlikHttpClientOptions): QlikHttpClient {
  const { certificates } = options;
  const tls = {
    cert: certificates.cert,
    key: certificates.key,
    ca: certificates.ca,
    rejectUnauthorized: true,
    // QLIK_TLS_INSECURE skips only the host-name check; the chain is still verified against root.pem.
    ...(options.tlsInsecure ? { checkServerIdentity: () => undefined } : {}),
  };
  const direct = new Agent(tls);
  // Through a proxy the TLS session (and the client certificate) still goes end to end, inside a CONNECT tunnel.
  const tunnels = new Map<string, TunnelAgent>();
  const agentFor = (url: URL): Agent => {
    const proxy = options.proxyFor?.(url);
    if (proxy === undefined) return direct;
    let tunnel = tunnels.get(proxy);
    if (tunnel === undefined) {
      tunnel = new TunnelAgent(proxy, tls);
      tunnels.set(proxy, tunnel);
    }
    return tunnel;
  };
  const report = options.onCall ?? (() => undefined);
  const fetch = options.fetch ?? nodeFetch;
  const userHeader = qlikUserHeader(options.apiUser);
  const apiUserName = formatQlikUserName(options.apiUser);

  return {
    async call(method, base, path, schema, query = {}) {
      const started = performance.now();
      const result = await callOnce(method, base, path, schema, query);
      report(new URL(base).origin, result.ok ? 'ok' : result.error.code, (performance.now() - started) / 1000);
      return result;
    },
  };

  async function callOnce<T>(
    method: HttpMethod,
    base: string,
    path: string,
    schema: z.ZodType<T>,
    query: Readonly<Record<string, string>>,
  ): Promise<CallResult<T>> {
    const xrfkey = createXrfkey();
    const url = new URL(`${base.replace(/\/+$/, '')}${path}`);
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
    url.searchParams.set('xrfkey', xrfkey);
    const context: FailureContext = {
      origin: url.origin,
      method,
      path,
      certDir: options.certDir,
      timeoutMs: options.timeoutMs,
    };
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), options.timeoutMs);
    try {
      let response: Response;
      let text: string;
      try {
        response = await fetch(url.href, {
          method,
          agent: agentFor(url),
          // Never carry the certificate and X-Qlik-User to wherever a redirect points.
          redirect: 'manual',
          signal: controller.signal,
          headers: { 'X-Qlik-Xrfkey': xrfkey, 'X-Qlik-User': userHeader, Accept: 'application/json' },
        });
        text = await response.text();
      } catch (error) {
        return { ok: false, error: describeNetworkError(error, controller.signal.aborted, context) };
      }
      if (!response.ok)
        return {
          ok: false,
          error: describeHttpStatus(response.status, apiUserName, context, response.headers.get('location')),
        };
      let json: unknown = null;
      if (text.trim() !== '') {
        try {
          json = JSON.parse(text);
        } catch {
          return { ok: false, error: malformedJson(context) };
        }
      }
      const parsed = schema.safeParse(json);
      if (!parsed.success) return { ok: false, error: unexpectedShape(context, firstIssue(parsed.error)) };
      return { ok: true, value: parsed.data };
    } finally {
      clearTimeout(timer);
    }
  }
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) return 'invalid';
  const path = issue.path.map(String).join('.');
  return path === '' ? issue.message : `${path}: ${issue.message}`;
}
