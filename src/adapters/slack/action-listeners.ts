import type { App, BlockButtonAction } from '@slack/bolt';
import { endSessionsReply } from '../../bot/end-sessions-reply.js';
import { ACTION_IDS } from './action-ids.js';
import { describeError } from './app-logger.js';
import { renderNotice, renderReplyBlocks, unescapeButtonValue, type SlackMessage } from './render-reply-blocks.js';
import type { SlackRuntime } from './slack-runtime.js';

const USER_PATTERN = /^[^\\\s]+\\[^\\\s]+$/;

/** Only QLIK_ADMINS may end sessions (Slack cannot restrict who clicks a button); every ending is logged: who, whom, how many. */
async function endSessions(runtime: SlackRuntime, senderId: string, user: string): Promise<SlackMessage> {
  const { deps } = runtime;
  if (!deps.config.admins.includes(senderId)) {
    deps.logger.warn(`end-sessions refused requested_by=${senderId} user=${user} reason=not-admin`);
    return renderNotice('Only the Slack users listed in QLIK_ADMINS can end sessions. Ask a Qlik administrator, or end them in the QMC.');
  }
  if (!USER_PATTERN.test(user)) return renderNotice('That button carries no DIRECTORY\\user; run the analysis again.');
  if (deps.live === undefined) {
    return renderNotice('The Qlik Sense APIs are not configured here: set QLIK_PROXY_URLS, QLIK_REPOSITORY_URL and QLIK_CERT_DIR, or end the sessions in the QMC.');
  }
  const result = await deps.live.endSessions(user);
  if (!result.ok) {
    deps.logger.warn(`end-sessions failed requested_by=${senderId} user=${user} code=${result.error.code}`);
    return renderNotice(`Could not end the sessions: ${result.error.message}`);
  }
  deps.logger.info(`end-sessions requested_by=${senderId} user=${user} ended=${result.value.ended} failed_nodes=${result.value.errors.length}`);
  return renderReplyBlocks(endSessionsReply(result.value));
}

/** Buttons of replies: feedback (one log line, no content), share in channel, and the admins' "End sessions". */
export function registerActionListeners(app: App, runtime: SlackRuntime): void {
  const { deps } = runtime;
  for (const [actionId, verdict] of [
    [ACTION_IDS.helpful, 'helpful'],
    [ACTION_IDS.notHelpful, 'not-helpful'],
  ] as const) {
    app.action<BlockButtonAction>(actionId, async ({ ack, action, body, respond }) => {
      const topic = unescapeButtonValue(action.value ?? '').replace(/[^\w.:-]/g, '_').slice(0, 80);
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
    const reply = runtime.shared.take(unescapeButtonValue(action.value ?? ''));
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
    const user = unescapeButtonValue(action.value ?? '');
    runtime.tracker.run(
      async () => {
        let rendered: SlackMessage;
        try {
          rendered = await endSessions(runtime, body.user.id, user);
        } catch (error) {
          deps.logger.error(`end-sessions crashed requested_by=${body.user.id} user=${user}: ${describeError(error)}`);
          rendered = renderNotice('Ending the sessions failed on my side. Check the sessions with /qlik-sessions or end them in the QMC.');
        }
        await respond({ response_type: 'ephemeral', replace_original: false, text: rendered.text, blocks: rendered.blocks });
      },
      (error) => deps.logger.error(`end-sessions reply failed: ${describeError(error)}`),
    );
  });
}
