import type { Reply, ReplySection, ReplyTone } from './reply.js';

/** A reply that is only a headline and maybe a few sections: the common shape of the bot's short answers. */
export function simpleReply(tone: ReplyTone, headline: string, sections: readonly ReplySection[] = []): Reply {
  return { tone, headline, sections, facts: null, entries: [], caveats: [], actions: [] };
}
