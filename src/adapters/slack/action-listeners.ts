import type { App, BlockButtonAction } from '@slack/bolt';
import type { AppMetrics, Bot, FeedbackRecorder } from '../../bot/index.js';
import { ACTION_IDS } from './action-ids.js';
import type { AppLogger } from './app-logger.js';
import { describeError } from '../../bot/index.js';
import { BLOCK_KIT_LIMITS } from './block-kit-limits.js';
import { decodeSlackEntities } from './decode-slack-text.js';
import { renderNotice, renderReplyBlocks, type SlackMessage } from './render-reply-blocks.js';
import { clickNonce, type SlackState } from './slack-state.js';
import type { WorkTracker } from './work-tracker.js';

/** What the buttons of replies work with. */
export interface ActionListenerDeps {
  readonly bot: Bot;
  readonly logger: AppLogger;
  readonly metrics: AppMetrics;
  /** Click nonces (a click acts once), feedback counts without a recorder, the answers kept for sharing. */
  readonly state: Pick<SlackState, 'claimClick' | 'countFeedback' | 'takeShared'>;
  readonly tracker: WorkTracker;
  /** Counts helpful / not helpful; without it the clicks are counted in `state` only. */
  readonly feedback: FeedbackRecorder | undefined;
}

type EndRefusal = { readonly code: 'repeat' | 'state-unavailable' | 'cut-value'; readonly message: string | null };

/** An End click acts once, and only on a value that cannot have been cut to fit a button. */
async function refuseEndClick(
  state: ActionListenerDeps['state'],
  body: unknown,
  actionTs: string | undefined,
  value: string,
): Promise<EndRefusal | null> {
  // Values are never cut now (see render-reply-blocks), but one at the limit may come from an older message.
  if (value.length >= BLOCK_KIT_LIMITS.buttonValue) {
    return {
      code: 'cut-value',
      message:
        'This button carries a user name too long for Slack, so it may have been cut; I did not end anything. Run qlik-sessions end with the full DIRECTORY\\user in a shell, or end the sessions in the QMC.',
    };
  }
  switch (await state.claimClick(clickNonce(body, actionTs))) {
    case 'first':
      return null;
    // The same click again (a retry or a replayed body): it was carried out the first time; say nothing twice.
    case 'repeat':
      return { code: 'repeat', message: null };
    case 'unavailable':
      return {
        code: 'state-unavailable',
        message:
          'I cannot make sure this click is carried out only once (my shared state is unreachable), so I did not end anything. Try again in a minute, or end the sessions in the QMC.',
      };
  }
}

/** Buttons of replies: feedback (counted in the store and logged, no content), share in channel, and the admins' "End sessions". */
export function registerActionListeners(app: App, deps: ActionListenerDeps): void {
  const { metrics, state, tracker } = deps;
  const failed = (what: string) => (error: unknown) => {
    deps.logger.error(`${what} failed: ${describeError(error)}`);
    metrics.replyFailed('action');
  };
  for (const [actionId, verdict] of [
    [ACTION_IDS.helpful, 'helpful'],
    [ACTION_IDS.notHelpful, 'not-helpful'],
  ] as const) {
    app.action<BlockButtonAction>(actionId, async ({ ack, action, body, respond }) => {
      const topic = decodeSlackEntities(action.value ?? '')
        .replace(/[^\w.:-]/g, '_')
        .slice(0, 80);
      await ack();
      tracker.run(async () => {
        // Counted once per click: a retried or replayed body is thanked but not counted again.
        if ((await state.claimClick(clickNonce(body, action.action_ts))) === 'first') {
          const { feedback } = deps;
          if (feedback === undefined) await state.countFeedback(topic, verdict);
          else {
            // One vote per person and reply, however often they click; the recorder logs each one.
            const replyId = body.container?.message_ts ?? body.message?.ts;
            const result = await feedback.record(
              topic,
              verdict,
              body.user.id,
              typeof replyId === 'string' ? replyId : undefined,
            );
            if (!result.ok)
              deps.logger.warn(
                { event: 'feedback', topic, by: body.user.id, reason: result.reason },
                'feedback for an unknown topic ignored',
              );
          }
        }
        await respond({ response_type: 'ephemeral', replace_original: false, text: 'Thanks, noted.' });
        metrics.eventHandled('action', 'answered');
      }, failed('feedback thanks'));
    });
  }

  app.action<BlockButtonAction>(ACTION_IDS.shareInChannel, async ({ ack, action, body, respond }) => {
    await ack();
    tracker.run(async () => {
      const taken = await state.takeShared(decodeSlackEntities(action.value ?? ''));
      if (taken.kind !== 'reply') {
        const why =
          taken.kind === 'gone'
            ? 'This answer is no longer available to share (answers are kept for 30 minutes, and shared once). Run the command again.'
            : 'I cannot reach my shared state right now, so I cannot find this answer. Run the command again in a minute.';
        await respond({ response_type: 'ephemeral', replace_original: false, ...renderNotice(why) });
        return;
      }
      const rendered = renderReplyBlocks(taken.reply);
      await respond({
        response_type: 'in_channel',
        delete_original: true,
        text: rendered.text,
        blocks: rendered.blocks,
      });
      deps.logger.info(`shared an answer in ${body.channel?.id ?? 'unknown channel'} for ${body.user.id}`);
      metrics.eventHandled('action', 'answered');
    }, failed('sharing'));
  });

  app.action<BlockButtonAction>(ACTION_IDS.endSessions, async ({ ack, action, body, respond }) => {
    await ack();
    const value = action.value ?? '';
    const user = decodeSlackEntities(value);
    tracker.run(async () => {
      const refusal = await refuseEndClick(state, body, action.action_ts, value);
      if (refusal !== null) {
        deps.logger.warn(`end-sessions click refused (${refusal.code}) requested_by=${body.user.id}`);
        if (refusal.message !== null)
          await respond({ response_type: 'ephemeral', replace_original: false, ...renderNotice(refusal.message) });
        return;
      }
      let rendered: SlackMessage;
      try {
        // The bot checks QLIK_ADMINS again on every click: Slack cannot restrict who clicks a button.
        rendered = renderReplyBlocks(await deps.bot.endSessions(body.user.id, user));
      } catch (error) {
        deps.logger.error(
          `end-sessions crashed requested_by=${body.user.id} user=${JSON.stringify(user)}: ${describeError(error)}`,
        );
        rendered = renderNotice(
          'Ending the sessions failed on my side. Check the sessions with /qlik-sessions or end them in the QMC.',
        );
      }
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: rendered.text,
        blocks: rendered.blocks,
      });
      metrics.eventHandled('action', 'answered');
    }, failed('end-sessions reply'));
  });
}
