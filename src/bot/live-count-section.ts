import type { LiveQlik } from './live-qlik.js';
import type { Reply, ReplyAction } from './reply.js';
import { liveCountSentence, nodeErrorCaveats } from './sessions-reply.js';

export interface LiveCountDeps {
  /** Undefined when the Qlik APIs are not configured: the verdict then goes out as it is. */
  readonly live: LiveQlik | undefined;
  readonly isAdmin: (senderId: string) => boolean;
}

/** A verdict about `user` with their live session count right now, and for admins the End action. */
export async function withLiveCount(value: Reply, user: string, senderId: string, deps: LiveCountDeps): Promise<Reply> {
  if (deps.live === undefined) return value;
  const live = await deps.live.sessions(user);
  if (!live.ok) {
    return {
      ...value,
      caveats: [...value.caveats, `The live session count of ${user} is not available: ${live.error.message}`],
    };
  }
  const count = live.value.total;
  const actions: ReplyAction[] =
    deps.isAdmin(senderId) && count > 0
      ? [...value.actions, { kind: 'end-sessions', user, liveSessions: count }]
      : [...value.actions];
  return {
    ...value,
    sections: [...value.sections, { title: 'Right now', paragraphs: [liveCountSentence(live.value)], steps: [] }],
    // A partial count names the nodes that are missing from it, as the sessions command does.
    caveats: [...value.caveats, ...nodeErrorCaveats(live.value.errors)],
    actions,
  };
}
