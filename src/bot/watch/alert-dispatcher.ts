import type { AlertCause, WatchAlert } from '../../core/watch/index.js';
import type { AppMetrics } from '../app-metrics.js';
import type { StateStore } from '../state-store.js';
import type { Reply } from '../reply.js';

/** Where a posted alert is, so follow-ups go into its thread (a Slack channel and message ts). */
export interface AlertRef {
  readonly channel: string;
  readonly ts: string;
}

/** An alert ready to show: the data, its one-line summary and the Reply to render. */
export interface AlertNotice {
  readonly alert: WatchAlert;
  readonly summary: string;
  readonly reply: Reply;
  /** True when it goes into the thread of an earlier alert (within the cooldown). */
  readonly followUp: boolean;
}

/** Slack, a terminal, or JSON lines: where the alerts go. */
export interface AlertSink {
  /** A new alert; returns where it went (null when the sink has no threads). Throws when it could not be delivered. */
  post(notice: AlertNotice): Promise<AlertRef | null>;
  /** News for an earlier alert: into its thread when `ref` is known. */
  followUp(ref: AlertRef | null, notice: AlertNotice): Promise<void>;
}

export interface DispatcherOptions {
  readonly store: StateStore;
  readonly sink: AlertSink;
  readonly cooldownMs: number;
  readonly render: (alert: WatchAlert) => Promise<{ summary: string; reply: Reply }>;
  readonly now?: () => number;
  /** Counts the alerts posted, by cause. */
  readonly metrics?: AppMetrics;
}

/** App Home reads this list (contract in the team notes): newest first, 50 kept. */
export const RECENT_ALERTS = 'watch:recent-alerts';
export const RECENT_ALERTS_KEPT = 50;

const cooldownKey = (cause: AlertCause, user: string): string => `watch:cooldown:${cause}:${user.toLowerCase()}`;
const threadKey = (cause: AlertCause, user: string): string => `watch:thread:${cause}:${user.toLowerCase()}`;

function parseRef(text: string | undefined): AlertRef | null {
  if (text === undefined) return null;
  try {
    const value = JSON.parse(text) as Partial<AlertRef>;
    return typeof value.channel === 'string' && typeof value.ts === 'string'
      ? { channel: value.channel, ts: value.ts }
      : null;
  } catch {
    return null;
  }
}

export interface AlertDispatcher {
  /** Posts, or follows up in the thread within the cooldown; "what did it do" comes back for the caller's log. */
  dispatch(alert: WatchAlert): Promise<'posted' | 'followed-up' | 'dropped'>;
}

/**
 * One alert per user and cause per cooldown, claimed in the StateStore so replicas do not post it twice; what
 * follows goes into that alert's thread, and "count dropped" into the thread of the at-limit alert.
 */
export function createAlertDispatcher(options: DispatcherOptions): AlertDispatcher {
  const { store, sink } = options;
  const now = options.now ?? Date.now;
  const remember = async (alert: WatchAlert, summary: string, ref: AlertRef | null): Promise<void> => {
    const entry = {
      at: new Date(Number.isFinite(alert.at) ? alert.at : now()).toISOString(),
      user: alert.user,
      cause: alert.cause,
      summary,
      ...(ref === null ? {} : { channel: ref.channel, ts: ref.ts }),
    };
    await store.pushRecent(RECENT_ALERTS, JSON.stringify(entry), RECENT_ALERTS_KEPT);
  };
  return {
    async dispatch(alert) {
      if (alert.cause === 'count-dropped') {
        const ref = parseRef(await store.get(threadKey('at-limit', alert.user)));
        const { summary, reply } = await options.render(alert);
        await sink.followUp(ref, { alert, summary, reply, followUp: true });
        await remember(alert, summary, ref);
        return 'followed-up';
      }
      const key = cooldownKey(alert.cause, alert.user);
      if (!(await store.claim(key, options.cooldownMs))) {
        const ref = parseRef(await store.get(threadKey(alert.cause, alert.user)));
        const { summary, reply } = await options.render(alert);
        await sink.followUp(ref, { alert, summary, reply, followUp: true });
        return 'followed-up';
      }
      const { summary, reply } = await options.render(alert);
      let ref: AlertRef | null;
      try {
        ref = await sink.post({ alert, summary, reply, followUp: false });
      } catch (error) {
        // Not delivered: the next occurrence may try again instead of following up on nothing.
        await store.delete(key);
        throw error;
      }
      if (ref !== null) await store.set(threadKey(alert.cause, alert.user), JSON.stringify(ref), options.cooldownMs);
      await remember(alert, summary, ref);
      options.metrics?.watchAlert(alert.cause);
      return 'posted';
    },
  };
}
