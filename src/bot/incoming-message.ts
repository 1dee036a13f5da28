/** What a chat adapter hands the bot: one message, independent of Slack or the console. */

/** How the message reached the bot; decides whether silence is allowed. */
export type MessageKind =
  | 'channel-message' // a new top-level message in a channel the bot watches
  | 'thread-reply' // a reply inside a thread
  | 'direct-message'
  | 'mention' // @qlik-sessions ...
  | 'command'; // /qlik-sessions ...

export interface AttachedFile {
  readonly name: string;
  readonly size: number | null;
  /** The file's bytes as a stream; gzip is the adapter's concern to detect and the bot's to inflate. */
  readonly open: () => AsyncIterable<Uint8Array>;
}

/** A message a person posted earlier in the same thread: what it carried for the analysis. */
export interface EarlierPost {
  /** Plain text, like `IncomingMessage.text`. */
  readonly text: string;
  readonly files: readonly AttachedFile[];
}

export interface IncomingMessage {
  readonly kind: MessageKind;
  /** Plain text as the person typed it: the chat adapter decoded its own markup (entities, mentions, links). */
  readonly text: string;
  readonly files: readonly AttachedFile[];
  /** Opaque id of the sender (a Slack user id, or `console`). */
  readonly senderId: string;
  /** Opaque id of the channel or conversation. */
  readonly channelId: string;
  /** Opaque thread id, when the message is in or starts a thread. */
  readonly threadId: string | null;
  /**
   * The earlier messages of the thread this message replies in, oldest first; absent outside a thread. Read only
   * when the message is analysed, so its pastes and files are analysed together with theirs.
   */
  readonly earlier?: () => Promise<readonly EarlierPost[]>;
}
