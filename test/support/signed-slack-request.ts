import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sharedPath } from './shared-fixtures.js';

export const SIGNING_SECRET = 'test-signing-secret';

export interface SignedResponse {
  readonly status: number;
  readonly body: string;
  readonly elapsedMs: number;
}

export function sign(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** POSTs a body to the app as Slack would: signed with the signing secret, timestamped now unless told otherwise. */
export async function postSigned(
  url: string,
  body: string,
  options: { contentType?: string; timestamp?: number; signature?: string; headers?: Record<string, string> } = {},
): Promise<SignedResponse> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': options.contentType ?? 'application/json',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': options.signature ?? sign(body, timestamp),
      ...options.headers,
    },
    body,
  });
  const text = await response.text();
  return { status: response.status, body: text, elapsedMs: performance.now() - started };
}

/** A real payload from ../shared/fixtures/slack/payloads, parsed, for adapting ids and timestamps. */
export function payload(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(sharedPath('fixtures', 'slack', 'payloads', name), 'utf8')) as Record<string, unknown>;
}

export function form(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}
