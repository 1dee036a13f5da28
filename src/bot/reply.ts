import type { Link, RichText } from '../core/text/index.js';

/**
 * What the bot answers, independent of any chat system. The Slack renderer turns it into Block Kit,
 * the console renderer into text. Plain strings are literal; renderers escape them (see rich-text.ts).
 */

export interface ReplySection {
  readonly title: string | null;
  readonly paragraphs: readonly RichText[];
  /** Numbered steps (the fix), shown as an ordered list. */
  readonly steps: readonly RichText[];
}

export interface FactsTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Rows there are in all when `rows` shows only some (the full table then travels in `fullReport`). */
  readonly total?: number;
}

export interface EntryReference {
  readonly id: string;
  readonly title: string;
  readonly sources: readonly Link[];
}

export type ReplyAction =
  | { readonly kind: 'feedback'; readonly topic: string }
  | { readonly kind: 'share-in-channel' }
  | { readonly kind: 'end-sessions'; readonly user: string; readonly liveSessions: number };

/** A picture that explains the reply (the timeline of the verdict's user), as SVG; adapters render it (PNG in Slack). */
export interface ReplyPicture {
  /** File name without extension, safe for any file system (`timeline-CORP-mweber`). */
  readonly name: string;
  readonly title: string;
  /** One sentence saying what the picture shows, for screen readers. */
  readonly altText: string;
  readonly svg: string;
}

/** A file with the whole answer, for surfaces that cannot show all of it (Slack past Block Kit's limits). */
export interface ReplyFile {
  readonly fileName: string;
  readonly title: string;
  readonly content: string;
}

export type ReplyTone = 'answer' | 'verdict' | 'help' | 'pointer' | 'error' | 'live';

export interface Reply {
  readonly tone: ReplyTone;
  /** One sentence: who, when, how many (verdicts) or the short answer (questions). */
  readonly headline: string;
  readonly sections: readonly ReplySection[];
  readonly facts: FactsTable | null;
  readonly entries: readonly EntryReference[];
  readonly caveats: readonly RichText[];
  readonly actions: readonly ReplyAction[];
  readonly pictures?: readonly ReplyPicture[];
  /** Every row and finding (a CSV of the users and the text report); shown when the reply itself must be cut. */
  readonly fullReport?: readonly ReplyFile[];
}

/** The bot either answers or deliberately stays quiet (watched channels only). */
export type BotOutcome =
  { readonly kind: 'reply'; readonly reply: Reply } | { readonly kind: 'quiet'; readonly reason: string };
