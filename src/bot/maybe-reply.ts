import type { Reply } from './reply.js';
import { code } from '../core/text/index.js';

export interface WeakMatch {
  readonly id: string;
  readonly title: string;
}

/** A question that only weakly fits some entries: name them instead of answering with one that may be wrong. */
export function maybeReply(matches: readonly WeakMatch[]): Reply {
  return {
    tone: 'pointer',
    headline:
      'None of my entries answers that for sure. The nearest are below; type "help" to see what I can do, or paste the Qlik Sense log lines around the problem.',
    sections: [
      { title: null, paragraphs: matches.map((match) => [`${match.title}: `, code(`kb ${match.id}`)]), steps: [] },
    ],
    facts: null,
    entries: [],
    caveats: [],
    actions: [],
  };
}
