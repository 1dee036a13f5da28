import type { IncomingMessage } from './incoming-message.js';
import type { BotOutcome } from './reply.js';

/** The conversation: every chat surface hands messages to one Bot and renders what it returns. */
export interface Bot {
  handle(message: IncomingMessage): Promise<BotOutcome>;
}
