import type { Reply } from './reply.js';

/** An internal failure on a direct request: short, and says what to try instead. */
export function errorReply(what: string): Reply {
  return {
    tone: 'error',
    headline: `Sorry, something went wrong while I was ${what}. Try again, or paste a shorter excerpt of the log; "help" lists what I can do.`,
    sections: [],
    facts: null,
    entries: [],
    caveats: [],
    actions: [],
  };
}
