import type { StateStore } from './state-store.js';

export type FeedbackVerdict = 'helpful' | 'not-helpful';

/** The hash that holds the counts, fields `<topic>:helpful` and `<topic>:not-helpful` (shared with the store's owner). */
export const FEEDBACK_HASH = 'feedback';
/** A person's vote on one reply counts once, however often they click. */
const VOTE_TTL_MS = 30 * 24 * 60 * 60 * 1000;

export interface FeedbackCount {
  /** A knowledge entry id or a verdict code. */
  readonly topic: string;
  readonly helpful: number;
  readonly notHelpful: number;
}

/** One structured log line per vote: no message content, only the topic and who clicked. */
export interface FeedbackEvent {
  readonly event: 'feedback';
  readonly topic: string;
  readonly verdict: FeedbackVerdict;
  readonly by: string;
  readonly counted: boolean;
  readonly total: number;
}

export type FeedbackResult =
  | { readonly ok: true; readonly counted: boolean; readonly total: number }
  | { readonly ok: false; readonly reason: 'unknown-topic' };

export interface FeedbackRecorder {
  /** `replyId` names the reply voted on (opaque); the same person's second click on it is logged but not counted. */
  record(topic: string, verdict: FeedbackVerdict, senderId: string, replyId?: string): Promise<FeedbackResult>;
  /** Every topic with votes, most votes first. */
  counts(): Promise<FeedbackCount[]>;
}

export interface FeedbackDeps {
  readonly store: StateStore;
  /** Knowledge entry ids and verdict codes: a forged button value cannot add fields to the hash. */
  readonly isTopic: (topic: string) => boolean;
  readonly log: (event: FeedbackEvent) => void;
}

/** Helpful / not helpful, counted per knowledge entry and verdict code in the state store, and logged. */
export function createFeedbackRecorder(deps: FeedbackDeps): FeedbackRecorder {
  return {
    async record(topic, verdict, senderId, replyId) {
      if (!deps.isTopic(topic)) return { ok: false, reason: 'unknown-topic' };
      const field = `${topic}:${verdict}`;
      const counted =
        replyId === undefined || (await deps.store.claim(`feedback-vote:${senderId}:${topic}:${replyId}`, VOTE_TTL_MS));
      const total = counted
        ? await deps.store.incrementField(FEEDBACK_HASH, field)
        : ((await deps.store.readFields(FEEDBACK_HASH))[field] ?? 0);
      deps.log({ event: 'feedback', topic, verdict, by: senderId, counted, total });
      return { ok: true, counted, total };
    },
    async counts() {
      const fields = await deps.store.readFields(FEEDBACK_HASH);
      const byTopic = new Map<string, { helpful: number; notHelpful: number }>();
      for (const [field, value] of Object.entries(fields)) {
        const match = /^(.+):(helpful|not-helpful)$/.exec(field);
        if (match === null || match[1] === undefined) continue;
        const row = byTopic.get(match[1]) ?? { helpful: 0, notHelpful: 0 };
        if (match[2] === 'helpful') row.helpful += value;
        else row.notHelpful += value;
        byTopic.set(match[1], row);
      }
      return [...byTopic]
        .map(([topic, row]) => ({ topic, ...row }))
        .sort((a, b) => b.helpful + b.notHelpful - (a.helpful + a.notHelpful) || a.topic.localeCompare(b.topic));
    },
  };
}
