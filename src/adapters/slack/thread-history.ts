import type { webApi } from '@slack/bolt';

/** A message of a thread as `conversations.replies` gives it: the fields the history reads. */
export interface ThreadMessage {
  readonly ts: string;
  readonly text: string;
  readonly files: readonly unknown[];
}

export interface ThreadHistoryRequest {
  readonly channel: string;
  readonly threadTs: string;
  /** The message being answered: only messages posted before it are read. */
  readonly beforeTs: string;
  readonly botUserId: string | undefined;
}

interface RawMessage {
  readonly ts?: unknown;
  readonly user?: unknown;
  readonly bot_id?: unknown;
  readonly subtype?: unknown;
  readonly text?: unknown;
  readonly files?: unknown;
}

const PAGE_SIZE = 200;
/** Up to 1,000 messages: more than any thread logs are pasted into. */
const MAX_PAGES = 5;
const READ_SUBTYPES = new Set<unknown>([undefined, 'file_share', 'thread_broadcast']);

/** Posted by a person (not a bot, not this app; no join or edit notice) before the message being answered. */
function isEarlierPost(message: RawMessage, request: ThreadHistoryRequest): boolean {
  if (typeof message.ts !== 'string' || Number(message.ts) >= Number(request.beforeTs)) return false;
  if (message.bot_id !== undefined || typeof message.user !== 'string' || message.user === request.botUserId)
    return false;
  return READ_SUBTYPES.has(message.subtype);
}

/**
 * The earlier messages of a thread, oldest first, fetched from Slack each time (`conversations.replies`, with the
 * history scopes the app already has): no state of ours, so every replica and a restarted app see the same thread.
 */
export async function readThreadHistory(
  client: webApi.WebClient,
  request: ThreadHistoryRequest,
): Promise<ThreadMessage[]> {
  const messages: ThreadMessage[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const answer = await client.conversations.replies({
      channel: request.channel,
      ts: request.threadTs,
      latest: request.beforeTs,
      inclusive: false,
      limit: PAGE_SIZE,
      ...(cursor === undefined ? {} : { cursor }),
    });
    for (const raw of (answer.messages ?? []) as RawMessage[]) {
      if (!isEarlierPost(raw, request)) continue;
      messages.push({
        ts: raw.ts as string,
        text: typeof raw.text === 'string' ? raw.text : '',
        files: Array.isArray(raw.files) ? (raw.files as unknown[]) : [],
      });
    }
    cursor = answer.response_metadata?.next_cursor;
    if (answer.has_more !== true || cursor === undefined || cursor === '') break;
  }
  return messages.sort((a, b) => Number(a.ts) - Number(b.ts));
}
