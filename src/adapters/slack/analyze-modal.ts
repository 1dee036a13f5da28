import type { App, types, webApi } from '@slack/bolt';
import { z } from 'zod';
import type { Bot, IncomingMessage, Reply } from '../../bot/index.js';
import { ANALYZE_MODAL } from './action-ids.js';
import type { AppLogger } from './app-logger.js';
import { describeError } from '../../bot/index.js';
import type { DeliverReply } from './deliver-reply.js';
import { renderNotice } from './render-reply-blocks.js';
import type { SlackAttachments } from './slack-attachments.js';
import { slackFileSchema } from './slack-file.js';
import type { WorkTracker } from './work-tracker.js';

/** What the analyze form's submission works with. */
export interface AnalyzeModalDeps {
  readonly bot: Bot;
  readonly logger: AppLogger;
  readonly tracker: WorkTracker;
  readonly attachments: Pick<SlackAttachments, 'attach'>;
  readonly deliver: DeliverReply;
}

/** The extensions the form takes; Qlik writes .txt and .log, people gzip or zip them (the Log Collector makes a .zip). */
export const FORM_FILE_TYPES = ['txt', 'log', 'gz', 'zip'] as const;
const MAX_FORM_FILES = 5;
const CHANNEL_ID = /^[CGD][A-Z0-9]{2,}$/;

/**
 * The form `/qlik-sessions analyze` and the global shortcut open: log files (file_input) and/or pasted lines, and
 * where the verdict goes (privately, or a channel the person picks). `channelId` is where it was opened from, if known.
 */
export function analyzeModal(channelId?: string): types.ModalView {
  const from = channelId !== undefined && CHANNEL_ID.test(channelId) ? channelId : '';
  return {
    type: 'modal',
    callback_id: ANALYZE_MODAL.callbackId,
    private_metadata: from,
    title: { type: 'plain_text', text: 'Analyse Qlik logs' },
    submit: { type: 'plain_text', text: 'Analyse' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'input',
        block_id: ANALYZE_MODAL.filesBlockId,
        optional: true,
        label: { type: 'plain_text', text: 'Log files' },
        hint: {
          type: 'plain_text',
          text: 'AuditSecurity_Repository.txt, AuditActivity_Proxy.txt (C:\\ProgramData\\Qlik\\Sense\\Log), .gz, or the Log Collector .zip.',
        },
        element: {
          type: 'file_input',
          action_id: ANALYZE_MODAL.filesActionId,
          filetypes: [...FORM_FILE_TYPES],
          max_files: MAX_FORM_FILES,
        },
      },
      {
        type: 'input',
        block_id: ANALYZE_MODAL.blockId,
        optional: true,
        label: { type: 'plain_text', text: 'Or paste log lines' },
        hint: {
          type: 'plain_text',
          text: 'The rows around the time of the error; up to 3,000 characters (attach a file for more).',
        },
        element: { type: 'plain_text_input', action_id: ANALYZE_MODAL.actionId, multiline: true, max_length: 3000 },
      },
      {
        type: 'input',
        block_id: ANALYZE_MODAL.destinationBlockId,
        label: { type: 'plain_text', text: 'Send the verdict' },
        element: {
          type: 'radio_buttons',
          action_id: ANALYZE_MODAL.destinationActionId,
          initial_option: { text: { type: 'plain_text', text: 'Only to me (a direct message)' }, value: 'private' },
          options: [
            { text: { type: 'plain_text', text: 'Only to me (a direct message)' }, value: 'private' },
            { text: { type: 'plain_text', text: 'To the channel below' }, value: 'channel' },
          ],
        },
      },
      {
        type: 'input',
        block_id: ANALYZE_MODAL.channelBlockId,
        optional: true,
        label: { type: 'plain_text', text: 'Channel' },
        element: {
          type: 'conversations_select',
          action_id: ANALYZE_MODAL.channelActionId,
          ...(from !== '' && !from.startsWith('D') ? { initial_conversation: from } : {}),
          filter: { include: ['public', 'private'], exclude_bot_users: true },
        },
      },
    ],
  };
}

/** The submitted form, checked: Slack sends what it likes, the listener trusts only this. */
const submissionSchema = z.object({
  [ANALYZE_MODAL.filesBlockId]: z
    .object({ [ANALYZE_MODAL.filesActionId]: z.object({ files: z.array(z.unknown()).nullish() }).partial() })
    .partial()
    .optional(),
  [ANALYZE_MODAL.blockId]: z
    .object({ [ANALYZE_MODAL.actionId]: z.object({ value: z.string().nullish() }).partial() })
    .partial()
    .optional(),
  [ANALYZE_MODAL.destinationBlockId]: z
    .object({
      [ANALYZE_MODAL.destinationActionId]: z
        .object({ selected_option: z.object({ value: z.string() }).nullish() })
        .partial(),
    })
    .partial()
    .optional(),
  [ANALYZE_MODAL.channelBlockId]: z
    .object({ [ANALYZE_MODAL.channelActionId]: z.object({ selected_conversation: z.string().nullish() }).partial() })
    .partial()
    .optional(),
});

export interface AnalyzeForm {
  readonly files: readonly z.infer<typeof slackFileSchema>[];
  readonly excerpt: string;
  /** A channel id, or null for a private verdict. */
  readonly channel: string | null;
}

export type FormCheck =
  { readonly ok: true; readonly form: AnalyzeForm } | { readonly ok: false; readonly errors: Record<string, string> };

/** The form's values, or the errors Slack shows beside the fields (say what to do). */
export function readAnalyzeForm(values: unknown): FormCheck {
  const parsed = submissionSchema.safeParse(values);
  if (!parsed.success)
    return {
      ok: false,
      errors: { [ANALYZE_MODAL.blockId]: 'The form came back incomplete. Close it and open it again.' },
    };
  const state = parsed.data;
  const files = (state[ANALYZE_MODAL.filesBlockId]?.[ANALYZE_MODAL.filesActionId]?.files ?? []).flatMap((file) => {
    const checked = slackFileSchema.safeParse(file);
    return checked.success ? [checked.data] : [];
  });
  const excerpt = state[ANALYZE_MODAL.blockId]?.[ANALYZE_MODAL.actionId]?.value ?? '';
  const where =
    state[ANALYZE_MODAL.destinationBlockId]?.[ANALYZE_MODAL.destinationActionId]?.selected_option?.value ?? 'private';
  const picked = state[ANALYZE_MODAL.channelBlockId]?.[ANALYZE_MODAL.channelActionId]?.selected_conversation ?? null;
  const errors: Record<string, string> = {};
  if (files.length === 0 && excerpt.trim() === '')
    errors[ANALYZE_MODAL.blockId] = 'Attach a log file above or paste at least one line from a Qlik Sense log.';
  if (where === 'channel' && (picked === null || !CHANNEL_ID.test(picked)))
    errors[ANALYZE_MODAL.channelBlockId] = 'Pick the channel for the verdict, or choose "Only to me".';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, form: { files, excerpt, channel: where === 'channel' ? picked : null } };
}

async function verdictOf(deps: AnalyzeModalDeps, form: AnalyzeForm, userId: string): Promise<Reply | null> {
  const files = form.files.flatMap((file) => deps.attachments.attach(file) ?? []);
  // `analyze` first: an excerpt without log lines gets the "which logs to paste" verdict, not a knowledge answer.
  const message: IncomingMessage = {
    kind: 'command',
    text: `analyze\n${form.excerpt}`,
    files,
    senderId: userId,
    channelId: form.channel ?? userId,
    threadId: null,
  };
  const outcome = await deps.bot.handle(message);
  return outcome.kind === 'reply' ? outcome.reply : null;
}

async function postVerdict(
  client: webApi.WebClient,
  deps: AnalyzeModalDeps,
  form: AnalyzeForm,
  userId: string,
): Promise<void> {
  let reply: Reply | null;
  try {
    reply = await verdictOf(deps, form, userId);
  } catch (error) {
    deps.logger.error(`analysing the form failed: ${describeError(error)}`);
    reply = null;
  }
  if (reply === null) {
    const notice = renderNotice(
      'Sorry, I could not analyse that: something went wrong on my side. Try again with fewer lines, or share the file in a DM to me.',
    );
    await client.chat.postMessage({ channel: userId, text: notice.text, blocks: notice.blocks });
    return;
  }
  if (form.channel !== null) {
    const delivered = await deps.deliver(client, { channel: form.channel }, reply);
    if (delivered.ok) {
      deps.logger.info({ channel: form.channel, user: userId }, 'posted the form verdict in a channel');
      return;
    }
    deps.logger.warn(`posting the form verdict in ${form.channel} failed: ${describeError(delivered.error)}`);
    // The person still gets the verdict, with the reason it is not in the channel and what to do.
    const why = delivered.cannotPost
      ? 'I may not post there: invite me with /invite @qlik-sessions, or pick another channel.'
      : 'Slack refused the post; try again in a minute.';
    const notice = renderNotice(
      `I could not post the verdict in the channel you picked (${form.channel}). ${why} Here it is for you:`,
    );
    await client.chat.postMessage({ channel: userId, text: notice.text, blocks: notice.blocks });
  }
  const direct = await deps.deliver(client, { channel: userId }, reply);
  if (!direct.ok) throw direct.error;
  deps.logger.info({ user: userId }, 'sent the form verdict as a DM');
}

/** The submission is acknowledged at once (the form closes, or shows what is missing); the verdict follows. */
export function registerAnalyzeModal(app: App, deps: AnalyzeModalDeps): void {
  app.view(ANALYZE_MODAL.callbackId, async ({ ack, body, view, client }) => {
    const checked = readAnalyzeForm(view.state.values);
    if (!checked.ok) {
      await ack({ response_action: 'errors', errors: checked.errors });
      return;
    }
    await ack();
    const userId = body.user.id;
    deps.tracker.run(
      () => postVerdict(client, deps, checked.form, userId),
      (error) => deps.logger.error(`posting the form verdict failed: ${describeError(error)}`),
    );
  });
}
