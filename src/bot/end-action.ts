import { isQlikUserName } from '../core/users/index.js';
import { stripAddress } from './bot-request.js';
import { endPreviewReply } from './end-preview-reply.js';
import { endSessionsReply } from './end-sessions-reply.js';
import { errorReply } from './error-reply.js';
import type { IncomingMessage } from './incoming-message.js';
import { liveFailureReply } from './live-failure-reply.js';
import type { LiveQlik } from './live-qlik.js';
import { liveSetupReply } from './live-setup-reply.js';
import type { Reply } from './reply.js';
import { simpleReply } from './simple-reply.js';
import { userArgumentReply } from './user-argument-reply.js';

/** A typed `yes` ends the sessions only this soon after the count was shown. */
const END_CONFIRMATION_MS = 5 * 60 * 1000;

const NOT_ADMIN =
  'Only the people listed in QLIK_ADMINS can end sessions. Ask a Qlik administrator, or end them in the QMC.';

/** One request to end sessions, as fields (snake_case, as in the log lines): who asked, whom, how many. */
export interface EndingAudit {
  readonly event: 'end-sessions' | 'end-sessions refused' | 'end-sessions failed';
  readonly requested_by: string;
  /** As clicked or typed; a forged value stays one JSON string, so it cannot write a line of its own. */
  readonly user: string;
  readonly ended?: number;
  readonly failed_nodes?: number;
  readonly reason?: 'not-admin' | 'not-a-user-name';
  readonly code?: string;
}

export interface EndActionDeps {
  readonly live: LiveQlik | undefined;
  readonly isAdmin: (senderId: string) => boolean;
  readonly audit: (level: 'info' | 'warn', audit: EndingAudit) => void;
  readonly reportError: (error: unknown) => void;
  /** `end DIR\user` is confirmed by typing `yes` (the console); otherwise by the reply's End button (Slack). */
  readonly confirmByText: boolean;
  readonly now: () => number;
}

/** The admin action: ending every live proxy session of a user, shown first, confirmed, carried out once. */
export interface EndAction {
  /** `end DIR\user`: admins, in a direct conversation, see the live count and what will end. */
  preview(user: string | null, message: IncomingMessage): Promise<Reply>;
  /** A typed `yes` (or `no`) right after a preview in the same conversation; undefined when none is waiting. */
  confirmation(message: IncomingMessage): Promise<Reply | undefined>;
  /** Ends the sessions when `senderId` is an admin, and says what happened; never throws. */
  endSessions(senderId: string, user: string): Promise<Reply>;
}

export function createEndAction(deps: EndActionDeps): EndAction {
  const { audit, isAdmin, now } = deps;
  /** Ends waiting for a typed `yes`, per sender and conversation (the console); taken once. */
  const pendingEnds = new Map<string, { readonly user: string; readonly at: number }>();
  const conversation = (message: IncomingMessage) => `${message.senderId}\u0000${message.channelId}`;

  const action: EndAction = {
    async preview(user, message) {
      if (!isAdmin(message.senderId)) {
        audit('warn', {
          event: 'end-sessions refused',
          requested_by: message.senderId,
          user: user ?? '',
          reason: 'not-admin',
        });
        return simpleReply('error', NOT_ADMIN);
      }
      if (message.kind !== 'direct-message') {
        return simpleReply(
          'pointer',
          'Ending sessions is done in a direct message to me, so the confirmation stays between us: send me "end DOMAIN\\user" there.',
        );
      }
      if (deps.live === undefined) return liveSetupReply();
      if (user === null || !isQlikUserName(user)) return userArgumentReply('end', user);
      const live = await deps.live.sessions(user);
      if (!live.ok) return liveFailureReply(`count the sessions of ${user}`, live.error);
      const byText = deps.confirmByText && live.value.total > 0;
      if (byText) pendingEnds.set(conversation(message), { user, at: now() });
      return endPreviewReply(live.value, byText ? 'type-yes' : 'button');
    },

    async confirmation(message) {
      const key = conversation(message);
      const pending = pendingEnds.get(key);
      if (pending === undefined) return undefined;
      // Whatever comes next settles it: a confirmation is never carried out twice, nor long after the count was shown.
      pendingEnds.delete(key);
      const answer = stripAddress(message.text).toLowerCase();
      const fresh = now() - pending.at <= END_CONFIRMATION_MS;
      if (/^(yes|y)$/.test(answer)) {
        if (!fresh) {
          return simpleReply(
            'pointer',
            `That confirmation came too late, so nothing was ended. Send "end ${pending.user}" again to see the current count.`,
          );
        }
        return action.endSessions(message.senderId, pending.user);
      }
      if (/^(no|n|cancel)$/.test(answer))
        return simpleReply('live', `Nothing was ended; ${pending.user}'s sessions stay open.`);
      return undefined;
    },

    async endSessions(senderId, user) {
      try {
        if (!isAdmin(senderId)) {
          audit('warn', { event: 'end-sessions refused', requested_by: senderId, user, reason: 'not-admin' });
          return simpleReply('error', NOT_ADMIN);
        }
        if (deps.live === undefined) return liveSetupReply();
        if (!isQlikUserName(user)) {
          audit('warn', { event: 'end-sessions refused', requested_by: senderId, user, reason: 'not-a-user-name' });
          return simpleReply(
            'error',
            `${JSON.stringify(user)} is not a Qlik user name (DIRECTORY\\user), so nothing was ended. Run the analysis or the sessions command again.`,
          );
        }
        const result = await deps.live.endSessions(user);
        if (!result.ok) {
          audit('warn', { event: 'end-sessions failed', requested_by: senderId, user, code: result.error.code });
          return liveFailureReply(`end the sessions of ${user}`, result.error);
        }
        const { ended, errors } = result.value;
        audit('info', { event: 'end-sessions', requested_by: senderId, user, ended, failed_nodes: errors.length });
        return endSessionsReply(result.value);
      } catch (error) {
        deps.reportError(error);
        return errorReply(`ending the sessions of ${user}`);
      }
    },
  };
  return action;
}
