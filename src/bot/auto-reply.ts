import type { KnowledgeBase, KnowledgeMatch } from '../core/knowledge/index.js';
import { code } from '../core/text/index.js';
import { entryReference, entryReply } from './entry-reply.js';
import type { Reply, ReplySection } from './reply.js';

const INVITATION: ReplySection = {
  title: 'Want to know who and when?',
  paragraphs: [
    'Paste the Qlik Sense log lines from around the time of the error in this thread (AuditSecurity_Repository.txt and AuditActivity_Proxy.txt), or share the files here, and I will count the sessions.',
  ],
  steps: [],
};

/**
 * The threaded answer to a quoted or reported hub error: the best entry (the cause, when the message names one),
 * then the entry that explains the error itself in short, then the invitation to paste the log lines.
 */
export function autoReplyFor(knowledge: KnowledgeBase, match: KnowledgeMatch): Reply | null {
  const best = match.matches[0];
  const entry = best === undefined ? undefined : knowledge.get(best.id);
  if (!match.autoReply || entry === undefined) return null;
  const main = entryReply(entry);
  const causeOf = match.explanation.entries[0]?.causeOf;
  const error = causeOf === undefined ? undefined : knowledge.get(causeOf);
  const about: ReplySection[] =
    error === undefined
      ? []
      : [
          {
            title: `About the error itself: ${error.title}`,
            paragraphs: [...error.answer, ['More: ', code(`kb ${error.id}`)]],
            steps: [],
          },
        ];
  return {
    ...main,
    sections: [...main.sections, ...about, INVITATION],
    entries: error === undefined ? main.entries : [...main.entries, entryReference(error)],
  };
}
