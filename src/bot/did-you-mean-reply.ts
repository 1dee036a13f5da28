import { code } from '../core/text/index.js';
import type { Reply } from './reply.js';
import { simpleReply } from './simple-reply.js';

/** A mistyped command word: the request as it was likely meant. */
export function didYouMeanReply(typed: string, suggestion: string): Reply {
  return simpleReply('pointer', `There is no command "${typed}".`, [
    {
      title: null,
      paragraphs: [['Did you mean ', code(suggestion), '? Type it that way, or "help" for the commands.']],
      steps: [],
    },
  ]);
}
