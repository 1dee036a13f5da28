import type { App, types } from '@slack/bolt';
import type { IncomingMessage } from '../../bot/index.js';
import { ANALYZE_MODAL } from './action-ids.js';
import { describeError } from '../../bot/index.js';
import { renderNotice, renderReplyBlocks } from './render-reply-blocks.js';
import type { SlackRuntime } from './slack-runtime.js';

/** The modal `/qlik-sessions analyze` opens: one multi-line box for a log excerpt. */
export function analyzeModal(channelId: string): types.ModalView {
  return {
    type: 'modal',
    callback_id: ANALYZE_MODAL.callbackId,
    private_metadata: channelId,
    title: { type: 'plain_text', text: 'Analyse Qlik logs' },
    submit: { type: 'plain_text', text: 'Analyse' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'input',
        block_id: ANALYZE_MODAL.blockId,
        label: { type: 'plain_text', text: 'Log excerpt' },
        hint: {
          type: 'plain_text',
          text: 'Lines from AuditSecurity_Repository.txt and AuditActivity_Proxy.txt (C:\\ProgramData\\Qlik\\Sense\\Log) around the error. The verdict comes to you as a direct message.',
        },
        element: { type: 'plain_text_input', action_id: ANALYZE_MODAL.actionId, multiline: true, max_length: 3000 },
      },
    ],
  };
}

/** The submission is acknowledged at once (the modal closes); the verdict follows as a DM from the app. */
export function registerAnalyzeModal(app: App, runtime: SlackRuntime): void {
  app.view(ANALYZE_MODAL.callbackId, async ({ ack, body, view, client }) => {
    const excerpt = view.state.values[ANALYZE_MODAL.blockId]?.[ANALYZE_MODAL.actionId]?.value ?? '';
    if (excerpt.trim() === '') {
      await ack({ response_action: 'errors', errors: { [ANALYZE_MODAL.blockId]: 'Paste at least one line from a Qlik Sense log.' } });
      return;
    }
    await ack();
    const userId = body.user.id;
    const { deps } = runtime;
    runtime.tracker.run(
      async () => {
        // `analyze` first: an excerpt without log lines gets the "which logs to paste" verdict, not a knowledge answer.
        const message: IncomingMessage = { kind: 'command', text: `analyze\n${excerpt}`, files: [], senderId: userId, channelId: view.private_metadata || userId, threadId: null };
        let rendered;
        try {
          const outcome = await deps.bot.handle(message);
          rendered =
            outcome.kind === 'reply'
              ? renderReplyBlocks(outcome.reply)
              : renderNotice('I found nothing to say about that excerpt. Paste lines from AuditSecurity_Repository.txt or AuditActivity_Proxy.txt, or try /qlik-sessions help.');
        } catch (error) {
          deps.logger.error(`analysing a modal excerpt failed: ${describeError(error)}`);
          rendered = renderNotice('Sorry, I could not analyse that excerpt: something went wrong on my side. Try again with fewer lines.');
        }
        await client.chat.postMessage({ channel: userId, text: rendered.text, blocks: rendered.blocks, unfurl_links: false, unfurl_media: false });
        deps.logger.info(`sent modal verdict to ${userId}`);
      },
      (error) => deps.logger.error(`posting the modal verdict failed: ${describeError(error)}`),
    );
  });
}
