import { AUTOMATION_SESSIONS, AUTOMATION_WINDOW_MS } from '../sessions/index.js';
import type { LikelyCause } from './watch-alert.js';

/** One open session as the likely-cause rule sees it. */
export interface SessionFacts {
  readonly opened: number;
  /** Client address or browser; null when no line named it. */
  readonly client: string | null;
  /** Authenticated on a `/qrs/...` request from the server itself (the Monitoring apps' REST connector). */
  readonly localQrs: boolean;
}

/** Several sessions from one client within a minute: a script or an embedding that logs in each time. */
function burstFromOneClient(sessions: readonly SessionFacts[]): boolean {
  const byClient = new Map<string, number[]>();
  for (const session of sessions) {
    if (session.client === null || Number.isNaN(session.opened)) continue;
    const times = byClient.get(session.client) ?? [];
    times.push(session.opened);
    byClient.set(session.client, times);
  }
  for (const times of byClient.values()) {
    times.sort((a, b) => a - b);
    for (let first = 0; first + AUTOMATION_SESSIONS - 1 < times.length; first++) {
      if ((times[first + AUTOMATION_SESSIONS - 1] as number) - (times[first] as number) <= AUTOMATION_WINDOW_MS)
        return true;
    }
  }
  return false;
}

/**
 * The service account first (its sessions are expected and the fix differs), then a script (a burst from one
 * client), then several clients (other browsers, machines, incognito windows), else one client.
 */
export function likelyCause(sessions: readonly SessionFacts[], serviceAccount: boolean): LikelyCause {
  if (serviceAccount || (sessions.length > 0 && sessions.every((session) => session.localQrs)))
    return 'service-account';
  if (burstFromOneClient(sessions)) return 'script';
  const clients = new Set(sessions.map((session) => session.client).filter((client) => client !== null));
  return clients.size > 1 ? 'several-clients' : 'one-client';
}
