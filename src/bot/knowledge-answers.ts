import { didYouMean, type KnowledgeBase } from '../core/knowledge/index.js';
import { code } from '../core/text/index.js';
import { autoReplyFor } from './auto-reply.js';
import { answersConfidently, decideChannelMessage, matchMessage } from './decide-message.js';
import { entryReply } from './entry-reply.js';
import { maybeReply } from './maybe-reply.js';
import { pointerReply } from './pointer-reply.js';
import type { Reply, ReplySection } from './reply.js';
import { simpleReply } from './simple-reply.js';
import { withFeedback } from './with-feedback.js';

/** What the knowledge entries answer: a question, a new message in a watched channel, `kb [ID]`. */
export interface KnowledgeAnswers {
  /** A question: the best entry, the other matches named; off-topic text gets the pointer to help. */
  answer(text: string): Reply;
  /** A new channel message: the best entry when it quotes or reports a hub error, otherwise null (stay quiet). */
  autoReply(text: string): Reply | null;
  /** `kb ID` shows the entry; `kb` alone, or an unknown id, lists them all (with a guess at what was meant). */
  entry(id: string | null): Reply;
}

export function createKnowledgeAnswers(knowledge: KnowledgeBase): KnowledgeAnswers {
  return {
    answer(text) {
      const result = matchMessage(knowledge, text);
      const [best, ...related] = result.matches;
      const entry = best === undefined ? undefined : knowledge.get(best.id);
      if (entry === undefined || best === undefined) return pointerReply();
      // A weak fit is offered, not asserted: a confident wrong answer costs an admin more than a question back.
      if (!answersConfidently(result)) return maybeReply(result.matches);
      const main = entryReply(entry);
      // The entry's own Related line already names its neighbours; list only the other matches.
      const others = related.filter((match) => !entry.related.includes(match.id));
      const also: ReplySection = {
        title: 'Also matching your question',
        paragraphs: others.map((match) => [`${match.title}: `, code(`kb ${match.id}`)]),
        steps: [],
      };
      const sections = others.length === 0 ? main.sections : [...main.sections, also];
      return withFeedback({ ...main, sections }, entry.id);
    },

    autoReply(text) {
      const decision = decideChannelMessage(knowledge, text);
      const auto = decision.kind === 'entry' ? autoReplyFor(knowledge, decision.match) : null;
      return auto === null ? null : withFeedback(auto, auto.entries[0]?.id ?? 'knowledge');
    },

    entry(id) {
      if (id !== null) {
        const entry = knowledge.get(id);
        if (entry !== undefined) return withFeedback(entryReply(entry), entry.id);
      }
      const headline = id === null ? 'The knowledge entries:' : `There is no entry "${id}". The knowledge entries:`;
      const meant =
        id === null
          ? undefined
          : didYouMean(
              id,
              knowledge.entries.map((entry) => entry.id),
            );
      const guess: ReplySection[] =
        meant === undefined
          ? []
          : [{ title: null, paragraphs: [['Did you mean ', code(`kb ${meant}`), '?']], steps: [] }];
      const index: ReplySection = {
        title: null,
        paragraphs: knowledge.entries.map((entry) => [code(`kb ${entry.id}`), `: ${entry.title}`]),
        steps: [],
      };
      return simpleReply('answer', headline, [...guess, index]);
    },
  };
}
