import { MIN_ANSWER_SCORE, type KnowledgeBase, type KnowledgeMatch } from '../core/knowledge/index.js';
// From its own module: `ask` decides as the bot does, and the logs' index would load the whole reader (zip included).
import { containsQlikLogLines } from '../core/logs/contains-qlik-log-lines.js';

/** What the bot does with a new message in a watched channel. */
export type ChannelDecision =
  /** The text carries Qlik Sense log lines: the bot answers with a verdict from them. */
  | { readonly kind: 'verdict'; readonly match: KnowledgeMatch; readonly reason: string }
  /** The text quotes or reports one of the hub errors: the bot answers with the best entry. */
  | { readonly kind: 'entry'; readonly match: KnowledgeMatch; readonly reason: string }
  | { readonly kind: 'quiet'; readonly match: KnowledgeMatch; readonly reason: string };

/** The knowledge matches of a chat message (plain text: the chat adapter decoded its markup). */
export function matchMessage(knowledge: KnowledgeBase, text: string): KnowledgeMatch {
  return knowledge.match(text);
}

/**
 * The one rule for a new message in a watched channel (attachments aside), shared by the bot and by
 * `ask --json`'s autoReply so that the two can never disagree.
 */
export function decideChannelMessage(knowledge: KnowledgeBase, text: string): ChannelDecision {
  const match = matchMessage(knowledge, text);
  if (containsQlikLogLines(text))
    return { kind: 'verdict', match, reason: 'carries Qlik Sense log lines: answered with a verdict' };
  const [signal] = match.explanation.signals;
  if (match.autoReply && match.matches.length > 0 && signal !== undefined)
    return { kind: 'entry', match, reason: signal.evidence };
  return { kind: 'quiet', match, reason: 'not about Qlik Sense sessions or access passes' };
}

/** Whether a direct question gets the best entry as its answer, or is told that no entry fits. */
export function answersConfidently(match: KnowledgeMatch): boolean {
  const [best] = match.matches;
  return best !== undefined && (best.score >= MIN_ANSWER_SCORE || match.autoReply);
}
