import type { App, MessageShortcut, webApi } from '@slack/bolt';
import type { Bot, IncomingMessage } from '../../../bot/index.js';
import { SHORTCUTS } from '../action-ids.js';
import { analyzeModal } from '../analyze-modal.js';
import type { AppLogger } from '../app-logger.js';
import { describeError } from '../../../bot/index.js';
import { decodeSlackText } from '../decode-slack-text.js';
import type { DeliverReply } from '../deliver-reply.js';
import { renderNotice, renderReplyBlocks } from '../render-reply-blocks.js';
import { unresolvedNote, type SlackAttachments } from '../slack-attachments.js';
import type { WorkTracker } from '../work-tracker.js';

/** What the shortcuts work with. */
export interface ShortcutListenerDeps {
  readonly bot: Bot;
  readonly logger: AppLogger;
  readonly tracker: WorkTracker;
  readonly attachments: SlackAttachments;
  readonly deliver: DeliverReply;
}

type Respond = (message: Record<string, unknown>) => Promise<unknown>;

/** "Analyze with qlik-sessions" on a message: its text and files, answered in its thread (or privately where the bot may not post). */
async function analyzeMessage(
  body: MessageShortcut,
  client: webApi.WebClient,
  deps: ShortcutListenerDeps,
  respond: Respond,
): Promise<void> {
  const channel = body.channel.id;
  const { message } = body;
  const threadTs = typeof message.thread_ts === 'string' ? message.thread_ts : message.ts;
  const rawFiles: unknown = message['files'];
  const resolved = await deps.attachments.resolve(Array.isArray(rawFiles) ? rawFiles : [], client);
  const files = resolved.files.flatMap((file) => deps.attachments.attach(file) ?? []);
  const text = typeof message.text === 'string' ? decodeSlackText(message.text) : '';
  // The person asked for it: answered like a mention, so a message without log lines still gets an answer, never silence.
  const incoming: IncomingMessage = {
    kind: 'mention',
    text,
    files,
    senderId: body.user.id,
    channelId: channel,
    threadId: threadTs,
  };
  const outcome = await deps.bot.handle(incoming);
  const reply = outcome.kind === 'reply' ? outcome.reply : null;
  if (reply === null) {
    await respond({
      response_type: 'ephemeral',
      ...renderNotice(
        'I found nothing to analyse in that message. Paste Qlik Sense log lines or share the log files, then try again.',
      ),
    });
    return;
  }
  const answer =
    resolved.unresolved.length === 0
      ? reply
      : { ...reply, caveats: [...reply.caveats, unresolvedNote(resolved.unresolved)] };
  const delivered = await deps.deliver(client, { channel, threadTs }, answer);
  if (delivered.ok) {
    deps.logger.info({ channel, user: body.user.id }, `answered the message shortcut with ${reply.tone}`);
    return;
  }
  deps.logger.warn(`posting the shortcut verdict in ${channel} failed: ${describeError(delivered.error)}`);
  // Where the bot is not a member (or may not post), the person still sees the verdict, only they do.
  const rendered = renderReplyBlocks(answer);
  const note = delivered.cannotPost
    ? 'Only you see this: I am not in this channel. Invite me (/invite @qlik-sessions) to answer in the thread.'
    : 'Only you see this: Slack refused my reply in the thread.';
  await respond({
    response_type: 'ephemeral',
    replace_original: false,
    text: rendered.text,
    blocks: [...renderNotice(note).blocks, ...rendered.blocks].slice(0, 50),
  });
}

/** The message shortcut and the global shortcut (which opens the analyze form). */
export function registerShortcutListeners(app: App, deps: ShortcutListenerDeps): void {
  app.shortcut<MessageShortcut>(
    { type: 'message_action', callback_id: SHORTCUTS.analyzeMessage },
    async ({ ack, shortcut, client, respond }) => {
      await ack();
      deps.tracker.run(
        async () => {
          try {
            await analyzeMessage(shortcut, client, deps, respond as Respond);
          } catch (error) {
            deps.logger.error(`the message shortcut failed: ${describeError(error)}`);
            const reason =
              error instanceof Error && error.name === 'FileDownloadFailure'
                ? error.message
                : 'something went wrong on my side.';
            await respond({
              response_type: 'ephemeral',
              replace_original: false,
              ...renderNotice(
                `Sorry, I could not analyse that message: ${reason} Try again, or paste the log lines in a DM to me.`,
              ),
            });
          }
        },
        (error) => deps.logger.error(`answering the message shortcut failed: ${describeError(error)}`),
      );
    },
  );

  app.shortcut({ type: 'shortcut', callback_id: SHORTCUTS.analyzeForm }, async ({ ack, shortcut, client }) => {
    await ack();
    // trigger_id expires three seconds after the click: open the form before anything else.
    try {
      await client.views.open({ trigger_id: shortcut.trigger_id, view: analyzeModal() });
    } catch (error) {
      deps.logger.error(`views.open for the global shortcut failed: ${describeError(error)}`);
    }
  });
}
