import { isQlikUserName } from '../core/users/index.js';
import type { BotRequest } from './bot-request.js';
import { doctorReply } from './doctor-reply.js';
import { licensesReply } from './licenses-reply.js';
import { liveFailureReply } from './live-failure-reply.js';
import type { LiveQlik } from './live-qlik.js';
import { liveSetupReply } from './live-setup-reply.js';
import type { Reply } from './reply.js';
import { sessionsReply } from './sessions-reply.js';
import { userArgumentReply } from './user-argument-reply.js';

/** The requests answered from the Qlik APIs right now. */
export type LiveRequest = Extract<BotRequest, { kind: 'sessions' | 'licenses' | 'doctor' }>;

export interface LiveCommandDeps {
  /** Undefined when the Qlik APIs are not configured: every live request says how to configure them. */
  readonly live: LiveQlik | undefined;
  readonly isAdmin: (senderId: string) => boolean;
}

/** `sessions DIR\user`, `licenses DIR\user` and `doctor`, asked of the Qlik APIs. */
export async function answerLiveRequest(request: LiveRequest, senderId: string, deps: LiveCommandDeps): Promise<Reply> {
  const { live } = deps;
  if (live === undefined) return liveSetupReply();
  switch (request.kind) {
    case 'sessions': {
      if (request.user === null || !isQlikUserName(request.user)) return userArgumentReply('sessions', request.user);
      const result = await live.sessions(request.user);
      return result.ok
        ? sessionsReply(result.value, deps.isAdmin(senderId))
        : liveFailureReply(`count the sessions of ${request.user}`, result.error);
    }
    case 'licenses': {
      if (request.user === null || !isQlikUserName(request.user)) return userArgumentReply('licenses', request.user);
      const result = await live.licenses(request.user);
      return result.ok
        ? licensesReply(result.value)
        : liveFailureReply(`read the licences of ${request.user}`, result.error);
    }
    case 'doctor': {
      const result = await live.doctor();
      return result.ok ? doctorReply(result.value) : liveFailureReply('check the site', result.error);
    }
  }
}
