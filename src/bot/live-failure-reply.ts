import type { LiveFailure } from '../core/live/index.js';
import type { Reply } from './reply.js';
import { simpleReply } from './simple-reply.js';

/** The Qlik APIs could not answer at all: the adapter's message already names the cause and the fix. */
export function liveFailureReply(what: string, failure: LiveFailure): Reply {
  return simpleReply('error', `I could not ${what}: ${failure.message}`);
}
