import { createHmac, randomUUID } from 'node:crypto';
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

export interface ButtonClick {
  readonly actionId: string;
  readonly value: string;
  readonly user: string;
  readonly channel: { readonly id: string; readonly name: string };
  readonly responseUrl: string;
  /** Unique per click unless a test replays one on purpose. */
  readonly triggerId?: string;
}

/** The form body Slack posts when a button is clicked (block_actions); a test can forge one for anybody. */
export function buttonClickForm(click: ButtonClick): string {
  const body = {
    type: 'block_actions',
    user: { id: click.user, username: 'u', name: 'u', team_id: 'T111' },
    api_app_id: 'A111',
    token: 'verification_token',
    container: { type: 'message', message_ts: '111.222', channel_id: click.channel.id, is_ephemeral: true },
    trigger_id: click.triggerId ?? `111.222.${randomUUID()}`,
    team: { id: 'T111', domain: 'workspace-domain' },
    channel: click.channel,
    response_url: click.responseUrl,
    actions: [
      {
        action_id: click.actionId,
        block_id: 'b',
        text: { type: 'plain_text', text: 'Button', emoji: true },
        value: click.value,
        type: 'button',
        action_ts: '1596530385.194939',
      },
    ],
  };
  return form({ payload: JSON.stringify(body) });
}
