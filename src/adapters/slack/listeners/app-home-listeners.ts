import type { App, BlockButtonAction } from '@slack/bolt';
import { z } from 'zod';
import { ACTION_IDS, ENTRY_MODAL } from '../action-ids.js';
import { analyzeModal } from '../analyze-modal.js';
import { describeError, RECENT_ALERTS } from '../../../bot/index.js';
import { renderAppHome, type HomeAlert } from '../render-app-home.js';
import { renderNotice, renderReplyBlocks } from '../render-reply-blocks.js';
import type { SlackRuntime } from '../slack-runtime.js';

const alertSchema = z.object({ at: z.string(), user: z.string(), cause: z.string(), summary: z.string() });

async function recentAlerts(runtime: SlackRuntime): Promise<HomeAlert[]> {
  const values = await runtime.deps.state.readRecent(RECENT_ALERTS, 10);
  return values.flatMap((value) => {
    try {
      const parsed = alertSchema.safeParse(JSON.parse(value));
      return parsed.success ? [parsed.data] : [];
    } catch {
      return [];
    }
  });
}

async function publishHome(runtime: SlackRuntime, userId: string, publish: (view: ReturnType<typeof renderAppHome>) => Promise<unknown>): Promise<void> {
  const { deps } = runtime;
  const admin = deps.config.admins.includes(userId);
  const home = deps.home;
  // Admin-only parts are read only for admins; each part failing alone leaves the rest of the page.
  const [qlik, alerts, feedback] = admin
    ? await Promise.all([
        home?.qlikStatus?.().catch((error: unknown) => {
          deps.logger.warn(`Qlik API status for App Home failed: ${describeError(error)}`);
          return null;
        }) ?? Promise.resolve(null),
        recentAlerts(runtime).catch(() => []),
        deps.feedback?.counts().catch(() => []) ?? Promise.resolve([]),
      ])
    : [null, [], []];
  await publish(renderAppHome({ entries: home?.entries ?? [], admin, qlik, alerts, feedback }));
}

/** App Home (`app_home_opened` -> views.publish) and its buttons: the analyze form and a knowledge entry in a modal. */
export function registerAppHomeListeners(app: App, runtime: SlackRuntime): void {
  const { deps } = runtime;
  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    runtime.tracker.run(
      async () => {
        await publishHome(runtime, event.user, (view) => client.views.publish({ user_id: event.user, view }));
        deps.logger.info({ user: event.user }, 'published App Home');
      },
      (error) => deps.logger.error(`publishing App Home failed: ${describeError(error)}`),
    );
  });

  app.action<BlockButtonAction>(ACTION_IDS.homeAnalyze, async ({ ack, body, client }) => {
    await ack();
    try {
      await client.views.open({ trigger_id: body.trigger_id, view: analyzeModal() });
    } catch (error) {
      deps.logger.error(`views.open from App Home failed: ${describeError(error)}`);
    }
  });

  app.action<BlockButtonAction>(new RegExp(`^${ACTION_IDS.homeEntry}:`), async ({ ack, action, body, client }) => {
    await ack();
    const id = (action.value ?? '').slice(0, 80);
    try {
      const outcome = await deps.bot.handle({ kind: 'command', text: `kb ${id}`, files: [], senderId: body.user.id, channelId: body.user.id, threadId: null });
      // Buttons in a modal have no message to answer: the entry is shown without them.
      const rendered = outcome.kind === 'reply' ? renderReplyBlocks({ ...outcome.reply, actions: [] }) : renderNotice('That entry is no longer there.');
      await client.views.open({
        trigger_id: body.trigger_id,
        view: { type: 'modal', callback_id: ENTRY_MODAL.callbackId, title: { type: 'plain_text', text: 'Knowledge' }, close: { type: 'plain_text', text: 'Close' }, blocks: rendered.blocks },
      });
    } catch (error) {
      deps.logger.error(`opening knowledge entry ${JSON.stringify(id)} failed: ${describeError(error)}`);
    }
  });
}
