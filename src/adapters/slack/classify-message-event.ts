import type { MessageKind } from '../../bot/index.js';
import { decodeSlackText } from './decode-slack-text.js';

/** The fields of a `message` or `app_mention` event the app reads. */
export interface SlackMessageEvent {
  readonly type: string;
  readonly channel: string;
  readonly ts: string;
  readonly user?: string;
  readonly text?: string;
  readonly thread_ts?: string;
  readonly channel_type?: string;
  readonly subtype?: string;
  readonly bot_id?: string;
  readonly files?: readonly unknown[];
}

export interface ClassifyOptions {
  readonly botUserId: string | undefined;
  readonly supportChannels: readonly string[] | 'all';
}

export type Classification =
  | { readonly handle: false; readonly reason: string }
  | {
      readonly handle: true;
      readonly kind: MessageKind;
      /** As the person typed it: Slack's markup decoded (decodeSlackText), the bot's mention dropped. */
      readonly text: string;
      readonly senderId: string;
      readonly channelId: string;
      /** Replies always go in the thread: the message's own thread, or the thread it starts. */
      readonly threadTs: string;
    };

const HANDLED_SUBTYPES = new Set(['file_share', 'thread_broadcast']);

function mentionOf(botUserId: string): RegExp {
  return new RegExp(`<@${botUserId}(\\|[^>]*)?>`, 'g');
}

/** Decides whether a message event is for the bot, and as what kind of message; pure. */
export function classifyMessageEvent(event: SlackMessageEvent, options: ClassifyOptions): Classification {
  if (event.bot_id !== undefined || event.subtype === 'bot_message') return { handle: false, reason: 'bot message' };
  if (event.subtype !== undefined && !HANDLED_SUBTYPES.has(event.subtype))
    return { handle: false, reason: `subtype ${event.subtype}` };
  if (event.user === undefined) return { handle: false, reason: 'no sender' };
  if (options.botUserId !== undefined && event.user === options.botUserId)
    return { handle: false, reason: 'own message' };
  const raw = event.text ?? '';
  const text = decodeSlackText(raw);
  const threadTs = event.thread_ts ?? event.ts;
  const common = { handle: true, senderId: event.user, channelId: event.channel, threadTs } as const;

  if (event.type === 'app_mention') return { ...common, kind: 'mention', text };
  if (event.channel_type === 'im') return { ...common, kind: 'direct-message', text };
  // The app_mention delivery of the same message answers it.
  if (options.botUserId !== undefined && mentionOf(options.botUserId).test(raw))
    return { handle: false, reason: 'mention answered as app_mention' };
  if (options.supportChannels !== 'all' && !options.supportChannels.includes(event.channel))
    return { handle: false, reason: 'channel not watched' };
  const inThread = event.thread_ts !== undefined && event.thread_ts !== event.ts;
  return { ...common, kind: inThread ? 'thread-reply' : 'channel-message', text };
}
