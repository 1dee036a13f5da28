import type { App } from '@slack/bolt';
import type { AppMetrics, Bot, IncomingMessage, Reply } from '../../bot/index.js';
import { analyzeModal } from './analyze-modal.js';
import type { AppLogger } from './app-logger.js';
import { decodeSlackEntities } from './decode-slack-text.js';
import { describeError } from '../../bot/index.js';
import { renderNotice, renderReplyBlocks, type SlackMessage } from './render-reply-blocks.js';
import type { SlackState } from './slack-state.js';
import type { WorkTracker } from './work-tracker.js';

export const SLASH_COMMAND = '/qlik-sessions';

/** What the slash command works with. */
export interface CommandListenerDeps {
  readonly bot: Bot;
  readonly logger: AppLogger;
  readonly metrics: AppMetrics;
  /** Keeps each answer for its "share in channel" button. */
  readonly state: Pick<SlackState, 'keepShared'>;
  readonly tracker: WorkTracker;
}

/** Runs a command through the bot and renders it with a "share in channel" button; failures become a short notice, never silence. */
export async function answerCommand(
  deps: CommandListenerDeps,
  text: string,
  senderId: string,
  channelId: string,
): Promise<SlackMessage> {
  const message: IncomingMessage = { kind: 'command', text, files: [], senderId, channelId, threadId: null };
  try {
    const outcome = await deps.bot.handle(message);
    if (outcome.kind === 'quiet') return renderNotice(`Nothing to answer there. Try ${SLASH_COMMAND} help.`);
    const shareable = outcome.reply.actions.some((action) => action.kind === 'share-in-channel')
      ? outcome.reply
      : { ...outcome.reply, actions: [...outcome.reply.actions, { kind: 'share-in-channel' } as const] };
    return renderReplyBlocks(shareable, { shareValue: await deps.state.keepShared(withoutShare(outcome.reply)) });
  } catch (error) {
    deps.logger.error(`command failed: ${describeError(error)}`);
    return renderNotice(`Sorry, that failed on my side. Try again in a minute, or ${SLASH_COMMAND} help.`);
  }
}

/** What goes into the channel: the same answer without its share button, and without the admin's "End sessions". */
export function withoutShare(reply: Reply): Reply {
  return {
    ...reply,
    actions: reply.actions.filter((action) => action.kind !== 'share-in-channel' && action.kind !== 'end-sessions'),
  };
}

/** `/qlik-sessions help | <question> | analyze | kb ID`: ephemeral answers with a "share in channel" button. */
export function registerCommandListener(app: App, deps: CommandListenerDeps): void {
  app.command(SLASH_COMMAND, async ({ ack, command, client, respond }) => {
    await ack();
    // The manifest sets should_escape false: no mention or link markup in command text, only the entities.
    const text = decodeSlackEntities(command.text).trim();
    if (/^analy[sz]e$/i.test(text)) {
      // trigger_id expires three seconds after the command: open the modal before anything else.
      try {
        await client.views.open({ trigger_id: command.trigger_id, view: analyzeModal(command.channel_id) });
      } catch (error) {
        deps.logger.error(`views.open failed: ${describeError(error)}`);
        await respond({
          response_type: 'ephemeral',
          ...renderNotice(
            `I could not open the analysis form. Paste the log lines in a DM to me instead, or try ${SLASH_COMMAND} analyze again.`,
          ),
        });
      }
      return;
    }
    deps.tracker.run(
      async () => {
        const rendered = await answerCommand(deps, text === '' ? 'help' : text, command.user_id, command.channel_id);
        await respond({ response_type: 'ephemeral', text: rendered.text, blocks: rendered.blocks });
        deps.logger.info(`answered ${SLASH_COMMAND} for ${command.user_id}`);
        deps.metrics.eventHandled('command', 'answered');
      },
      (error) => {
        deps.logger.error(`answering ${SLASH_COMMAND} failed: ${describeError(error)}`);
        deps.metrics.replyFailed('command');
      },
    );
  });
}
