import type { QlikConfig } from '../../config/index.js';
import type { AllSessionsReport, ListedSession, LiveResult } from '../../core/live/index.js';
import { formatQlikUserName } from '../../core/users/index.js';
import { askEveryEndpoint } from './ask-every-endpoint.js';
import type { QlikConnection } from './connect-qlik.js';
import { sessionListSchema } from './qlik-schemas.js';
import { qpsBase } from './qps-paths.js';

/** `GET /qps/{prefix/}session` on every node and virtual proxy: all users' sessions, for the watch. */
export async function allSessions(
  connect: () => Promise<QlikConnection>,
  config: QlikConfig,
): Promise<LiveResult<AllSessionsReport>> {
  const asked = await askEveryEndpoint(connect, config, (client, endpoint) =>
    client.call('GET', endpoint.proxy, `${qpsBase(endpoint.virtualProxy)}/session`, sessionListSchema),
  );
  if (!asked.ok) return asked;
  const sessions: ListedSession[] = [];
  for (const { endpoint, value } of asked.value.answers) {
    for (const session of value) {
      // A session without its user cannot be counted for anyone.
      if (session.userDirectory === undefined || session.userId === undefined) continue;
      const user = formatQlikUserName({ directory: session.userDirectory, id: session.userId });
      sessions.push({ user, sessionId: session.sessionId, proxy: endpoint.proxy, virtualProxy: endpoint.virtualProxy });
    }
  }
  return { ok: true, value: { sessions, errors: asked.value.errors } };
}
