import type { Reply } from './reply.js';

/** Off-topic text on a direct request: one line that says where to start, never silence. */
export function pointerReply(): Reply {
  return {
    tone: 'pointer',
    headline:
      'I only know about Qlik Sense sessions and access passes. Type "help" to see what I can do, or paste the Qlik Sense log lines around the error.',
    sections: [],
    facts: null,
    entries: [],
    caveats: [],
    actions: [],
  };
}
