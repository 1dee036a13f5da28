/** What the download needs of fetch (node-fetch in production, anything shaped like it in tests). */
export interface FileFetchResponse {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  readonly body: AsyncIterable<Uint8Array> | null;
}
export type FileFetch = (
  url: string,
  init: { readonly headers: Record<string, string>; readonly redirect: 'manual'; readonly signal: AbortSignal },
) => Promise<FileFetchResponse>;

export interface FileDownloadPolicy {
  /** `host` or `host:port` entries (SLACK_FILE_HOSTS); nothing else is ever contacted. */
  readonly fileHosts: readonly string[];
  readonly maxBytes: number;
  /** Given up when the host sends nothing (headers or bytes) for this long; default 30 s. */
  readonly idleTimeoutMs?: number;
}

export const DEFAULT_FILE_IDLE_TIMEOUT_MS = 30_000;

export type FileDownloadErrorCode =
  | 'bad-url'
  | 'host-not-allowed'
  | 'not-https'
  | 'too-large'
  | 'http-error'
  | 'login-page'
  | 'too-many-redirects'
  | 'timed-out';

export interface FileDownloadError {
  readonly code: FileDownloadErrorCode;
  /** For the user: what happened and what to do; never the token or file content. */
  readonly message: string;
}

export type UrlCheck =
  { readonly ok: true; readonly url: URL } | { readonly ok: false; readonly error: FileDownloadError };

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
const MAX_REDIRECTS = 3;

/** Https to a listed host, or plain http only to a loopback host that is listed explicitly (local tests). */
export function checkFileUrl(raw: string, fileHosts: readonly string[]): UrlCheck {
  if (!URL.canParse(raw))
    return {
      ok: false,
      error: { code: 'bad-url', message: 'The file link from Slack is not a URL; share the file again.' },
    };
  const url = new URL(raw);
  const host = url.host.toLowerCase();
  if (!fileHosts.includes(host)) {
    return {
      ok: false,
      error: {
        code: 'host-not-allowed',
        message: `Files are only downloaded from ${fileHosts.join(', ')} (SLACK_FILE_HOSTS); paste the log lines into the thread instead.`,
      },
    };
  }
  if (url.protocol === 'https:') return { ok: true, url };
  if (url.protocol === 'http:' && LOOPBACK.has(url.hostname.toLowerCase())) return { ok: true, url };
  return {
    ok: false,
    error: {
      code: 'not-https',
      message: 'Files are only downloaded over https; paste the log lines into the thread instead.',
    },
  };
}

export function tooLarge(maxBytes: number): FileDownloadError {
  const mb = Math.round((maxBytes / (1024 * 1024)) * 10) / 10;
  return {
    code: 'too-large',
    message: `The file is larger than ${mb} MB. Send an excerpt instead: the lines around the error from AuditSecurity_Repository.txt and AuditActivity_Proxy.txt, or the file gzipped.`,
  };
}

/** Raised from inside the byte stream, where a result value cannot be returned. */
export class FileDownloadFailure extends Error {
  constructor(readonly error: FileDownloadError) {
    super(error.message);
    this.name = 'FileDownloadFailure';
  }
}

async function* capped(
  body: AsyncIterable<Uint8Array>,
  maxBytes: number,
  abort: AbortController,
): AsyncIterable<Uint8Array> {
  let total = 0;
  for await (const chunk of body) {
    total += chunk.byteLength;
    if (total > maxBytes) {
      abort.abort();
      throw new FileDownloadFailure(tooLarge(maxBytes));
    }
    yield chunk;
  }
}

/**
 * Downloads a Slack file with the bot token, sent only to an allowed host (redirects are checked the same way).
 * The size is capped while streaming too, because the declared size can be missing or wrong.
 */
export async function* downloadSlackFile(
  raw: string,
  token: string,
  policy: FileDownloadPolicy,
  fetch: FileFetch,
): AsyncIterable<Uint8Array> {
  const abort = new AbortController();
  const idleMs = policy.idleTimeoutMs ?? DEFAULT_FILE_IDLE_TIMEOUT_MS;
  let timedOut = false;
  let timer: NodeJS.Timeout | undefined;
  // A host that accepts and never answers would hold the reply, the hourglass and shutdown for ever.
  // Counted only while waiting on the host: a slow reader (the analysis) is not the host's fault.
  const waiting = (on: boolean) => {
    clearTimeout(timer);
    if (!on) return;
    timer = setTimeout(() => {
      timedOut = true;
      abort.abort();
    }, idleMs);
  };
  try {
    waiting(true);
    yield* download(raw, token, policy, fetch, abort, waiting);
  } catch (error) {
    if (!timedOut) throw error;
    const seconds = Math.round(idleMs / 100) / 10;
    throw new FileDownloadFailure({
      code: 'timed-out',
      message: `the file host sent nothing for ${seconds} seconds, so the download was given up`,
    });
  } finally {
    clearTimeout(timer);
  }
}

async function* download(
  raw: string,
  token: string,
  policy: FileDownloadPolicy,
  fetch: FileFetch,
  abort: AbortController,
  waiting: (on: boolean) => void,
): AsyncIterable<Uint8Array> {
  let target = raw;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop += 1) {
    const check = checkFileUrl(target, policy.fileHosts);
    if (!check.ok) throw new FileDownloadFailure(check.error);
    const response = await fetch(check.url.href, {
      headers: { Authorization: `Bearer ${token}` },
      redirect: 'manual',
      signal: abort.signal,
    });
    waiting(true);
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location !== null) {
      target = new URL(location, check.url).href;
      continue;
    }
    if (response.status !== 200 || response.body === null) {
      abort.abort();
      throw new FileDownloadFailure({
        code: 'http-error',
        message: `Slack answered ${response.status} for the file; share it again or paste the log lines.`,
      });
    }
    if ((response.headers.get('content-type') ?? '').startsWith('text/html')) {
      abort.abort();
      throw new FileDownloadFailure({
        code: 'login-page',
        message:
          'Slack sent a login page instead of the file: the app needs the files:read scope (reinstall it from the manifest).',
      });
    }
    const declared = Number(response.headers.get('content-length') ?? Number.NaN);
    if (Number.isFinite(declared) && declared > policy.maxBytes) {
      abort.abort();
      throw new FileDownloadFailure(tooLarge(policy.maxBytes));
    }
    for await (const chunk of capped(response.body, policy.maxBytes, abort)) {
      waiting(false);
      yield chunk;
      waiting(true);
    }
    return;
  }
  throw new FileDownloadFailure({
    code: 'too-many-redirects',
    message: 'Slack redirected the file download too often; share the file again.',
  });
}
