import { createHash, randomUUID } from 'node:crypto';
import type { Reply, StateStore } from '../../bot/index.js';
import { describeError } from '../../bot/index.js';
import type { AppLogger } from './app-logger.js';

/** How long each kind of state is kept; time, not a count, decides what is forgotten. */
export const STATE_TTL_MS = {
  // Slack retries within minutes; an hour also covers a replica that was restarted mid-retry.
  delivery: 60 * 60 * 1000,
  // "Never twice in a thread": a week covers the threads people still write in.
  answeredThread: 7 * 24 * 60 * 60 * 1000,
  // Slack's response_url stops working after 30 minutes; the share button cannot outlive it.
  sharedReply: 30 * 60 * 1000,
  // Slack refuses signatures older than 5 minutes; twice that covers clock skew between replicas.
  clickNonce: 10 * 60 * 1000,
} as const;

export const DEFAULT_AUTO_REPLY_COOLDOWN_MS = 2 * 60 * 1000;

export type ClickClaim = 'first' | 'repeat' | 'unavailable';
export type SharedTake =
  { readonly kind: 'reply'; readonly reply: Reply } | { readonly kind: 'gone' } | { readonly kind: 'unavailable' };

export interface SlackStateOptions {
  readonly store: StateStore;
  /** This replica's memory, used when `store` (Redis) fails, for what may degrade (not for End clicks). */
  readonly local?: StateStore;
  readonly logger: AppLogger;
  readonly cooldownMs?: number;
}

/**
 * The Slack adapter's state, kept in the StateStore so replicas share it. When the shared store fails,
 * de-duplication, cooldowns and shares fall back to this replica's memory (a message may then be answered by two
 * replicas, never by none); an End-sessions click is refused instead, as it must never be carried out twice.
 */
export class SlackState {
  private readonly cooldownMs: number;
  private degraded = false;

  constructor(private readonly options: SlackStateOptions) {
    this.cooldownMs = options.cooldownMs ?? DEFAULT_AUTO_REPLY_COOLDOWN_MS;
  }

  /** True the first time a delivery key (event id, channel + ts) is seen by any replica. */
  firstDelivery(key: string): Promise<boolean> {
    return this.degradable((store) => store.claim(`dedup:${key}`, STATE_TTL_MS.delivery), true);
  }

  /** The right to an unrequested reply: none yet in the thread, and the channel is not cooling down. */
  claimAutoReply(channel: string, thread: string): Promise<boolean> {
    return this.degradable(async (store) => {
      if ((await store.get(threadKey(channel, thread))) !== undefined) return false;
      if (!(await store.claim(`cooldown:${channel}`, this.cooldownMs))) return false;
      await store.set(threadKey(channel, thread), '1', STATE_TTL_MS.answeredThread);
      return true;
    }, true);
  }

  /** A thread where the bot answered: later unrequested replies there are not wanted. */
  async markAnswered(channel: string, thread: string): Promise<void> {
    await this.degradable(async (store) => {
      await store.set(threadKey(channel, thread), '1', STATE_TTL_MS.answeredThread);
      return true;
    }, true);
  }

  /** Keeps an ephemeral answer for its "Share in channel" button; the id is what the button carries. */
  async keepShared(reply: Reply): Promise<string> {
    const id = randomUUID();
    await this.degradable(async (store) => {
      await store.set(`share:${id}`, JSON.stringify(reply), STATE_TTL_MS.sharedReply);
      return true;
    }, true);
    return id;
  }

  /** The kept answer, once across replicas: sharing it again would post it twice. */
  takeShared(id: string): Promise<SharedTake> {
    return this.degradable<SharedTake>(
      async (store) => {
        if (!(await store.claim(`share-taken:${id}`, STATE_TTL_MS.sharedReply))) return { kind: 'gone' };
        const kept = await store.get(`share:${id}`);
        await store.delete(`share:${id}`);
        return kept === undefined ? { kind: 'gone' } : { kind: 'reply', reply: JSON.parse(kept) as Reply };
      },
      { kind: 'unavailable' },
    );
  }

  /** A destructive click is carried out once: a replayed body (same trigger) claims the same nonce. No fallback. */
  async claimClick(nonce: string): Promise<ClickClaim> {
    try {
      return (await this.options.store.claim(`click:${nonce}`, STATE_TTL_MS.clickNonce)) ? 'first' : 'repeat';
    } catch (error) {
      this.options.logger.error(
        `state store failed claiming a click nonce, refusing the action: ${describeError(error)}`,
      );
      return 'unavailable';
    }
  }

  /** Feedback counts (hash `feedback`, `<topic>:helpful|not-helpful`); a failure is logged, the thanks still sent. */
  async countFeedback(topic: string, verdict: 'helpful' | 'not-helpful'): Promise<void> {
    try {
      await this.options.store.incrementField('feedback', `${topic}:${verdict}`);
    } catch (error) {
      this.options.logger.error(`state store failed counting feedback: ${describeError(error)}`);
    }
  }

  private async degradable<T>(work: (store: StateStore) => Promise<T>, withoutState: T): Promise<T> {
    try {
      const result = await work(this.options.store);
      if (this.degraded) this.options.logger.warn('state store answers again: replicas share de-duplication once more');
      this.degraded = false;
      return result;
    } catch (error) {
      if (!this.degraded) {
        this.options.logger.error(
          `state store failed, using this replica's memory until it is back (replicas may answer a message twice): ${describeError(error)}`,
        );
      }
      this.degraded = true;
      const { local } = this.options;
      if (local === undefined) return withoutState;
      try {
        return await work(local);
      } catch (localError) {
        this.options.logger.error(`local state failed too: ${describeError(localError)}`);
        return withoutState;
      }
    }
  }
}

const threadKey = (channel: string, thread: string): string => `answered:${channel}:${thread}`;

/** What makes a click unique: Slack's trigger_id and the action's timestamp; a replayed body repeats both. */
export function clickNonce(body: unknown, actionTs: string | undefined): string {
  const trigger = (body as { trigger_id?: unknown }).trigger_id;
  if (typeof trigger === 'string' && trigger !== '' && actionTs !== undefined) return `${trigger}:${actionTs}`;
  return createHash('sha256').update(JSON.stringify(body)).digest('hex');
}
