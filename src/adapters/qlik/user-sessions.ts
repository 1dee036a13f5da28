import type { QlikConfig } from '../../config/index.js';
import type { LiveResult, LiveSession, NodeError } from '../../core/live/index.js';
import { formatQlikUserName, parseQlikUserName, sameQlikUser, type QlikUserRef } from '../../core/users/index.js';
import { askEveryEndpoint } from './ask-every-endpoint.js';
import type { QlikConnection } from './connect-qlik.js';
import { badUser } from './bad-user.js';
import type { HttpMethod } from './qlik-http-client.js';
import { endedSessionsSchema, sessionListSchema, type SessionData } from './qlik-schemas.js';
import { userSessionsPath } from './qps-paths.js';

export interface UserSessions {
  readonly user: string;
  readonly sessions: readonly LiveSession[];
  readonly errors: readonly NodeError[];
}

/** Lists (GET) or ends (DELETE) the user's sessions on every node and virtual proxy; de-duplicated per node. */
export async function userSessions(
  connect: () => Promise<QlikConnection>,
  config: QlikConfig,
  method: HttpMethod,
  text: string,
): Promise<LiveResult<UserSessions>> {
  const user = parseQlikUserName(text);
  if (user === undefined) return { ok: false, error: badUser(text) };
  const asked = await askEveryEndpoint(connect, config, (client, endpoint) => {
    const path = userSessionsPath(endpoint.virtualProxy, user);
    return method === 'GET'
      ? client.call('GET', endpoint.proxy, path, sessionListSchema)
      : client.call('DELETE', endpoint.proxy, path, endedSessionsSchema);
  });
  if (!asked.ok) return asked;
  const sessions: LiveSession[] = [];
  const seen = new Set<string>();
  for (const { endpoint, value } of asked.value.answers) {
    for (const session of sessionsOf(value, user)) {
      const key = `${endpoint.proxy}\n${session.sessionId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      sessions.push({ sessionId: session.sessionId, proxy: endpoint.proxy, virtualProxy: endpoint.virtualProxy });
    }
  }
  return { ok: true, value: { user: formatQlikUserName(user), sessions, errors: asked.value.errors } };
}

function sessionsOf(answer: readonly SessionData[] | null, user: QlikUserRef): SessionData[] {
  // Sessions that name another user are not this user's, whatever the node says.
  return (answer ?? []).filter((session) =>
    session.userDirectory === undefined || session.userId === undefined
      ? true
      : sameQlikUser({ directory: session.userDirectory, id: session.userId }, user),
  );
}
