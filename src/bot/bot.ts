import type { IncomingMessage } from './incoming-message.js';
import type { BotOutcome, Reply } from './reply.js';

/** The conversation: every chat surface hands messages to one Bot and renders what it returns. */
export interface Bot {
  handle(message: IncomingMessage): Promise<BotOutcome>;
  /**
   * For the Slack "End sessions" button (there is no text command for it): ends every live proxy session of
   * `user` (`DIRECTORY\id`) when `senderId` is an admin, and says what happened. Never throws; refuses non-admins.
   */
  endSessions(senderId: string, user: string): Promise<Reply>;
}
