import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';

/** Slack's window for request timestamps, in seconds, in either direction. */
export const TIMESTAMP_WINDOW_SECONDS = 5 * 60;

/** True when the request claims a time further ahead than the window: Bolt refuses only stale ones. */
export function isFutureDated(request: IncomingMessage, nowMs: number): boolean {
  const header = request.headers['x-slack-request-timestamp'];
  const value = Number(Array.isArray(header) ? header[0] : header);
  return Number.isFinite(value) && value > Math.floor(nowMs / 1000) + TIMESTAMP_WINDOW_SECONDS;
}

/** Wraps Bolt's HTTP request listener so future-dated requests get 401 before Bolt reads them. */
export function refuseFutureTimestamps(
  inner: RequestListener,
  now: () => number,
  onRefused: (request: IncomingMessage) => void,
): RequestListener {
  return (request: IncomingMessage, response: ServerResponse) => {
    if (request.method === 'POST' && isFutureDated(request, now())) {
      onRefused(request);
      request.resume();
      response.writeHead(401).end();
      return;
    }
    inner(request, response);
  };
}
