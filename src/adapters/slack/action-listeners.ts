import type { App, BlockButtonAction } from '@slack/bolt';
import { unescapeSlackEntities } from '../../bot/index.js';
import { ACTION_IDS } from './action-ids.js';
import { describeError } from '../../bot/index.js';
import { renderNotice, renderReplyBlocks, type SlackMessage } from './render-reply-blocks.js';
import type { SlackRuntime } from './slack-runtime.js';

/** Buttons of replies: feedback (one log line, no content), share in channel, and the admins' "End sessions". */
export function registerActionListeners(app: App, runtime: SlackRuntime): void {
  const { deps } = runtime;
  for (const [actionId, verdict] of [
    [ACTION_IDS.helpful, 'helpful'],
    [ACTION_IDS.notHelpful, 'not-helpful'],
  ] as const) {
    app.action<BlockButtonAction>(actionId, async ({ ack, action, body, respond }) => {
      const topic = unescapeSlackEntities(action.value ?? '').replace(/[^\w.:-]/g, '_').slice(0, 80);
      deps.logger.info(`feedback ${verdict} topic=${topic} user=${body.user.id}`);
      await ack();
      runtime.tracker.run(
        async () => {
          await respond({ response_type: 'ephemeral', replace_original: false, text: 'Thanks, noted.' });
        },
        (error) => deps.logger.warn(`feedback thanks failed: ${describeError(error)}`),
      );
    });
  }

  app.action<BlockButtonAction>(ACTION_IDS.shareInChannel, async ({ ack, action, body, respond }) => {
    await ack();
    const reply = runtime.shared.take(unescapeSlackEntities(action.value ?? ''));
    runtime.tracker.run(
      async () => {
        if (reply === undefined) {
          await respond({ response_type: 'ephemeral', replace_original: false, ...renderNotice('This answer is no longer available to share (answers are kept for 30 minutes). Run the command again.') });
          return;
        }
        const rendered = renderReplyBlocks(reply);
        await respond({ response_type: 'in_channel', delete_original: true, text: rendered.text, blocks: rendered.blocks });
        deps.logger.info(`shared an answer in ${body.channel?.id ?? 'unknown channel'} for ${body.user.id}`);
      },
      (error) => deps.logger.error(`sharing failed: ${describeError(error)}`),
    );
  });

  app.action<BlockButtonAction>(ACTION_IDS.endSessions, async ({ ack, action, body, respond }) => {
    await ack();
    const user = unescapeSlackEntities(action.value ?? '');
    runtime.tracker.run(
      async () => {
        let rendered: SlackMessage;
        try {
          // The bot checks QLIK_ADMINS again on every click: Slack cannot restrict who clicks a button.
          rendered = renderReplyBlocks(await deps.bot.endSessions(body.user.id, user));
        } catch (error) {
          deps.logger.error(`end-sessions crashed requested_by=${body.user.id} user=${JSON.stringify(user)}: ${describeError(error)}`);
          rendered = renderNotice('Ending the sessions failed on my side. Check the sessions with /qlik-sessions or end them in the QMC.');
        }
        await respond({ response_type: 'ephemeral', replace_original: false, text: rendered.text, blocks: rendered.blocks });
      },
      (error) => deps.logger.error(`end-sessions reply failed: ${describeError(error)}`),
    );
  });
}
