import type { App, webApi } from '@slack/bolt';
import { describeError, type AppMetrics, type Bot, type EarlierPost, type IncomingMessage } from '../../bot/index.js';
import type { AppLogger } from './app-logger.js';
import { classifyMessageEvent, type SlackMessageEvent } from './classify-message-event.js';
import { decodeSlackText } from './decode-slack-text.js';
import type { DeliverReply } from './deliver-reply.js';
import { renderNotice } from './render-reply-blocks.js';
import { unresolvedNote, type SlackAttachments } from './slack-attachments.js';
import type { SlackState } from './slack-state.js';
import { readThreadHistory } from './thread-history.js';
import type { WorkTracker } from './work-tracker.js';

const PROGRESS_REACTION = 'hourglass_flowing_sand';

/** What the message listeners work with. */
export interface MessageListenerDeps {
  readonly bot: Bot;
  readonly logger: AppLogger;
  readonly metrics: AppMetrics;
  /** De-duplication by channel + ts, "never twice in a thread", the auto-reply cooldown. */
  readonly state: Pick<SlackState, 'firstDelivery' | 'claimAutoReply' | 'markAnswered'>;
  readonly tracker: WorkTracker;
  readonly attachments: SlackAttachments;
  readonly deliver: DeliverReply;
  /** Known after auth.test at start-up. */
  readonly botUserId: () => string | undefined;
  /** QLIK_SUPPORT_CHANNELS as ids, names resolved at start-up. */
  readonly supportChannels: () => readonly string[] | 'all';
  /** Files at least this large (or of unknown size) get a progress reaction. */
  readonly progressThresholdBytes: number;
}

function asMessageEvent(event: unknown): SlackMessageEvent | null {
  if (typeof event !== 'object' || event === null) return null;
  const candidate = event as Partial<SlackMessageEvent>;
  return typeof candidate.channel === 'string' && typeof candidate.ts === 'string' && typeof candidate.type === 'string'
    ? (candidate as SlackMessageEvent)
    : null;
}

/** The thread a message replies in; null for a top-level message (its replies start a thread of their own). */
const threadOf = (event: SlackMessageEvent): string | null =>
  event.thread_ts !== undefined && event.thread_ts !== event.ts ? event.thread_ts : null;

/** The earlier messages of the event's thread, with their log files ready to download when analysed. */
async function earlierPosts(
  event: SlackMessageEvent,
  threadTs: string,
  client: webApi.WebClient,
  deps: MessageListenerDeps,
): Promise<EarlierPost[]> {
  const request = { channel: event.channel, threadTs, beforeTs: event.ts, botUserId: deps.botUserId() };
  const messages = await readThreadHistory(client, request).catch((error: unknown) => {
    // The verdict then covers this message alone and says so; the log says why (a missing history scope, say).
    deps.logger.warn({ channel: event.channel, error: describeError(error) }, 'reading the thread failed');
    throw error;
  });
  const posts: EarlierPost[] = [];
  for (const message of messages) {
    // An earlier file that files.info cannot fill in was answered (or refused) when it was shared; it is left out.
    const { files } = await deps.attachments.resolve(message.files, client);
    const attached = files.flatMap((file) => deps.attachments.attach(file) ?? []);
    posts.push({ text: decodeSlackText(message.text), files: attached });
  }
  return posts;
}

/**
 * Unrequested replies: the bot was not addressed, and nobody pasted logs or shared a file for it to read. An error
 * reply there answers pasted lines (busy, or the analysis failed), so it is never held back.
 */
function isAutoReply(message: IncomingMessage, tone: string): boolean {
  const undirected = message.kind === 'channel-message' || message.kind === 'thread-reply';
  return undirected && message.files.length === 0 && tone !== 'verdict' && tone !== 'error';
}

async function handleMessage(
  event: SlackMessageEvent,
  client: webApi.WebClient,
  deps: MessageListenerDeps,
): Promise<void> {
  const { metrics, state } = deps;
  const classifyOptions = { botUserId: deps.botUserId(), supportChannels: deps.supportChannels() };
  const classified = classifyMessageEvent(event, classifyOptions);
  if (!classified.handle) {
    deps.logger.debug(`ignored ${event.type} in ${event.channel}: ${classified.reason}`);
    return;
  }
  if (!(await state.firstDelivery(`message:${event.channel}:${event.ts}`))) {
    deps.logger.debug(`ignored repeat of ${event.channel}/${event.ts}`);
    return;
  }
  const direct = classified.kind !== 'channel-message' && classified.kind !== 'thread-reply';
  const target = { channel: classified.channelId, threadTs: classified.threadTs };
  const post = (message: { text: string; blocks: unknown[] }) =>
    client.chat.postMessage({
      channel: classified.channelId,
      thread_ts: classified.threadTs,
      text: message.text,
      blocks: message.blocks as never,
      unfurl_links: false,
      unfurl_media: false,
    });

  let progress = false;
  try {
    const resolved = await deps.attachments.resolve(event.files ?? [], client);
    const files = resolved.files.flatMap((file) => deps.attachments.attach(file) ?? []);
    if (files.some((file) => file.size === null || file.size >= deps.progressThresholdBytes)) {
      progress = true;
      await client.reactions
        .add({ channel: event.channel, timestamp: event.ts, name: PROGRESS_REACTION })
        .catch((error: unknown) => {
          deps.logger.warn(`reactions.add failed: ${describeError(error)}`);
        });
    }
    const thread = threadOf(event);
    const message: IncomingMessage = {
      kind: classified.kind,
      text: classified.text,
      files,
      senderId: classified.senderId,
      channelId: classified.channelId,
      threadId: classified.threadTs,
      ...(thread === null ? {} : { earlier: () => earlierPosts(event, thread, client, deps) }),
    };
    const outcome = await deps.bot.handle(message);
    if (resolved.unresolved.length > 0) {
      const note = unresolvedNote(resolved.unresolved);
      if (outcome.kind === 'quiet') {
        await post(renderNotice(note));
        return;
      }
      const withNote = { ...outcome.reply, caveats: [...outcome.reply.caveats, note] };
      const delivered = await deps.deliver(client, target, withNote);
      if (!delivered.ok) throw delivered.error;
      await state.markAnswered(classified.channelId, classified.threadTs);
      deps.logger.info(
        `replied ${outcome.reply.tone} to ${classified.kind} in ${event.channel}, ${resolved.unresolved.length} file(s) unresolved`,
      );
      return;
    }
    if (outcome.kind === 'quiet') {
      deps.logger.debug(`quiet on ${classified.kind} in ${event.channel}: ${outcome.reason}`);
      metrics.eventHandled(classified.kind, 'quiet');
      return;
    }
    if (isAutoReply(message, outcome.reply.tone)) {
      if (!(await state.claimAutoReply(classified.channelId, classified.threadTs))) {
        deps.logger.info(
          `auto-reply held back in ${event.channel}: already answered in the thread or channel cooling down`,
        );
        metrics.eventHandled(classified.kind, 'quiet');
        return;
      }
    } else {
      await state.markAnswered(classified.channelId, classified.threadTs);
    }
    const delivered = await deps.deliver(client, target, outcome.reply);
    if (!delivered.ok) throw delivered.error;
    deps.logger.info(`replied ${outcome.reply.tone} to ${classified.kind} in ${event.channel}`);
    metrics.eventHandled(classified.kind, 'answered');
  } catch (error) {
    deps.logger.error(`handling ${classified.kind} in ${event.channel} failed: ${describeError(error)}`);
    metrics.replyFailed(classified.kind);
    // Someone asked (or shared a file): they get told, never silence. Unrequested messages stay quiet.
    if (direct || (event.files?.length ?? 0) > 0 || classified.kind === 'thread-reply') {
      await post(
        renderNotice(
          `Sorry, I could not finish that: ${error instanceof Error && error.name === 'FileDownloadFailure' ? error.message : 'something went wrong on my side.'} Try again, or paste a shorter log excerpt into the thread.`,
        ),
      ).catch((postError: unknown) =>
        deps.logger.error(`posting the failure notice failed: ${describeError(postError)}`),
      );
    }
  } finally {
    if (progress) {
      await client.reactions
        .remove({ channel: event.channel, timestamp: event.ts, name: PROGRESS_REACTION })
        .catch((error: unknown) => {
          deps.logger.warn(`reactions.remove failed: ${describeError(error)}`);
        });
    }
  }
}

/** `message` (channels, groups, DMs, threads, file shares) and `app_mention`: acknowledged by Bolt first, worked on after. */
export function registerMessageListeners(app: App, deps: MessageListenerDeps): void {
  for (const type of ['message', 'app_mention'] as const) {
    app.event(type, async ({ event, client }) => {
      const message = asMessageEvent(event);
      if (message === null) return;
      deps.tracker.run(
        () => handleMessage(message, client, deps),
        (error) => deps.logger.error(`message work failed: ${describeError(error)}`),
      );
    });
  }
}
