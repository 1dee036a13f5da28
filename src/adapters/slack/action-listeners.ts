import type { App, BlockButtonAction } from '@slack/bolt';
import { unescapeSlackEntities } from '../../bot/index.js';
import { ACTION_IDS } from './action-ids.js';
import { describeError } from '../../bot/index.js';
import { renderNotice, renderReplyBlocks, type SlackMessage } from './render-reply-blocks.js';
import type { SlackRuntime } from './slack-runtime.js';

/** Buttons of replies: feedback (counted in the store and logged, no content), share in channel, and the admins' "End sessions". */
export function registerActionListeners(app: App, runtime: SlackRuntime): void {
  const { deps } = runtime;
  for (const [actionId, verdict] of [
    [ACTION_IDS.helpful, 'helpful'],
    [ACTION_IDS.notHelpful, 'not-helpful'],
  ] as const) {
    app.action<BlockButtonAction>(actionId, async ({ ack, action, body, respond }) => {
      const topic = unescapeSlackEntities(action.value ?? '').replace(/[^\w.:-]/g, '_').slice(0, 80);
      await ack();
      runtime.tracker.run(
        async () => {
          const { feedback } = deps;
          if (feedback === undefined) deps.logger.info({ event: 'feedback', topic, verdict, by: body.user.id, counted: false }, 'feedback');
          else {
            // The message a vote is about: one vote per person and reply, however often they click.
            const replyId = body.container?.message_ts ?? body.message?.ts;
            const result = await feedback.record(topic, verdict, body.user.id, typeof replyId === 'string' ? replyId : undefined);
            if (!result.ok) deps.logger.warn({ event: 'feedback', topic, by: body.user.id, reason: result.reason }, 'feedback for an unknown topic ignored');
          }
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
