import type { App, BlockButtonAction } from '@slack/bolt';
import { z } from 'zod';
import { ACTION_IDS, ENTRY_MODAL } from '../action-ids.js';
import { analyzeModal } from '../analyze-modal.js';
import { describeError, RECENT_ALERTS, type Bot, type FeedbackRecorder, type StateStore } from '../../../bot/index.js';
import type { AppLogger } from '../app-logger.js';
import { renderAppHome, type HomeAlert } from '../render-app-home.js';
import { renderNotice, renderReplyBlocks } from '../render-reply-blocks.js';
import type { HomeSources } from '../slack-app-deps.js';
import type { WorkTracker } from '../work-tracker.js';

const alertSchema = z.object({ at: z.string(), user: z.string(), cause: z.string(), summary: z.string() });

/** What App Home works with. */
export interface AppHomeDeps {
  readonly bot: Bot;
  readonly logger: AppLogger;
  readonly tracker: WorkTracker;
  /** QLIK_ADMINS: they see the Qlik API status, the recent alerts and the feedback counts. */
  readonly admins: readonly string[];
  readonly home: HomeSources | undefined;
  /** Where the watch keeps its recent alerts. */
  readonly alerts: Pick<StateStore, 'readRecent'>;
  readonly feedback: Pick<FeedbackRecorder, 'counts'> | undefined;
}

async function recentAlerts(store: AppHomeDeps['alerts']): Promise<HomeAlert[]> {
  const values = await store.readRecent(RECENT_ALERTS, 10);
  return values.flatMap((value) => {
    try {
      const parsed = alertSchema.safeParse(JSON.parse(value));
      return parsed.success ? [parsed.data] : [];
    } catch {
      return [];
    }
  });
}

async function publishHome(
  deps: AppHomeDeps,
  userId: string,
  publish: (view: ReturnType<typeof renderAppHome>) => Promise<unknown>,
): Promise<void> {
  const admin = deps.admins.includes(userId);
  const home = deps.home;
  // Admin-only parts are read only for admins; each part failing alone leaves the rest of the page.
  const [qlik, alerts, feedback] = admin
    ? await Promise.all([
        home?.qlikStatus?.().catch((error: unknown) => {
          deps.logger.warn(`Qlik API status for App Home failed: ${describeError(error)}`);
          return null;
        }) ?? Promise.resolve(null),
        recentAlerts(deps.alerts).catch(() => []),
        deps.feedback?.counts().catch(() => []) ?? Promise.resolve([]),
      ])
    : [null, [], []];
  await publish(renderAppHome({ entries: home?.entries ?? [], admin, qlik, alerts, feedback }));
}

/** App Home (`app_home_opened` -> views.publish) and its buttons: the analyze form and a knowledge entry in a modal. */
export function registerAppHomeListeners(app: App, deps: AppHomeDeps): void {
  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    deps.tracker.run(
      async () => {
        await publishHome(deps, event.user, (view) => client.views.publish({ user_id: event.user, view }));
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
      const outcome = await deps.bot.handle({
        kind: 'command',
        text: `kb ${id}`,
        files: [],
        senderId: body.user.id,
        channelId: body.user.id,
        threadId: null,
      });
      // Buttons in a modal have no message to answer: the entry is shown without them.
      const rendered =
        outcome.kind === 'reply'
          ? renderReplyBlocks({ ...outcome.reply, actions: [] })
          : renderNotice('That entry is no longer there.');
      await client.views.open({
        trigger_id: body.trigger_id,
        view: {
          type: 'modal',
          callback_id: ENTRY_MODAL.callbackId,
          title: { type: 'plain_text', text: 'Knowledge' },
          close: { type: 'plain_text', text: 'Close' },
          blocks: rendered.blocks,
        },
      });
    } catch (error) {
      deps.logger.error(`opening knowledge entry ${JSON.stringify(id)} failed: ${describeError(error)}`);
    }
  });
}
