import { SESSION_LIMIT } from '../verdict/index.js';
import type { WatchAlert } from './watch-alert.js';

/** One live proxy session as a node lists it. */
export interface LiveSessionEntry {
  /** `DIRECTORY\id`. */
  readonly user: string;
  readonly sessionId: string;
  /** The proxy node URL that listed it. */
  readonly proxy: string;
  readonly virtualProxy: string;
}

/** What one round of asking every node returned. */
export interface LiveRound {
  readonly at: number;
  readonly sessions: readonly LiveSessionEntry[];
  /** Some nodes did not answer: their users' counts are low, so no drop is announced from this round. */
  readonly partial: boolean;
}

export interface LiveUserCount {
  readonly user: string;
  readonly count: number;
  readonly nodes: readonly string[];
}

/** Counts per user across nodes and virtual proxies; a session listed twice by one node counts once. */
export function countLiveSessions(sessions: readonly LiveSessionEntry[]): LiveUserCount[] {
  const users = new Map<string, { user: string; ids: Set<string>; nodes: Set<string> }>();
  for (const session of sessions) {
    const key = session.user.toLowerCase();
    let entry = users.get(key);
    if (entry === undefined) {
      entry = { user: session.user, ids: new Set(), nodes: new Set() };
      users.set(key, entry);
    }
    entry.ids.add(`${session.proxy}\n${session.sessionId}`);
    entry.nodes.add(session.proxy);
  }
  return [...users.values()].map((entry) => ({
    user: entry.user,
    count: entry.ids.size,
    nodes: [...entry.nodes].sort(),
  }));
}

/**
 * Turns rounds of live session lists into alerts: a user reaching the limit (or going past the count last
 * told), and the drop below it afterwards. Keeps one number per user that was at the limit.
 */
export class LiveCountWatch {
  private readonly reported = new Map<string, { user: string; count: number }>();
  private readonly serviceAccounts: Set<string>;

  constructor(serviceAccounts: readonly string[] = []) {
    this.serviceAccounts = new Set(serviceAccounts.map((account) => account.toLowerCase()));
  }

  /** Users at the limit as last told, to keep across a restart. */
  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.reported.values()].map((entry) => [entry.user, entry.count]));
  }

  restore(snapshot: Readonly<Record<string, number>>): void {
    for (const [user, count] of Object.entries(snapshot))
      if (count >= SESSION_LIMIT) this.reported.set(user.toLowerCase(), { user, count });
  }

  update(round: LiveRound): WatchAlert[] {
    const alerts: WatchAlert[] = [];
    const counts = countLiveSessions(round.sessions);
    const seen = new Set<string>();
    for (const { user, count, nodes } of counts) {
      const key = user.toLowerCase();
      seen.add(key);
      const before = this.reported.get(key)?.count ?? 0;
      if (count >= SESSION_LIMIT && count > before) {
        alerts.push(this.alert('at-limit', user, round.at, count, nodes));
        this.reported.set(key, { user, count });
      } else if (count < SESSION_LIMIT && before >= SESSION_LIMIT && !round.partial) {
        alerts.push(this.alert('count-dropped', user, round.at, count, nodes));
        this.reported.delete(key);
      } else if (count >= SESSION_LIMIT) this.reported.set(key, { user, count });
    }
    if (round.partial) return alerts;
    for (const [key, entry] of this.reported) {
      if (seen.has(key)) continue;
      alerts.push(this.alert('count-dropped', entry.user, round.at, 0, []));
      this.reported.delete(key);
    }
    return alerts;
  }

  private alert(
    cause: 'at-limit' | 'count-dropped',
    user: string,
    at: number,
    count: number,
    nodes: readonly string[],
  ): WatchAlert {
    const likely =
      cause === 'count-dropped' ? null : this.serviceAccounts.has(user.toLowerCase()) ? 'service-account' : null;
    return { cause, user, at, count, nodes, clients: [], likely, source: 'live' };
  }
}
