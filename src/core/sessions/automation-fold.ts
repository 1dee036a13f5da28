import { copyString } from './copy-string.js';
import { TimeQueue } from './time-queue.js';

/** Automation: this many sessions from one client within a minute. */
export const AUTOMATION_SESSIONS = 5;
export const AUTOMATION_WINDOW_MS = 60_000;
/** Clients tracked at once per user: older ones, idle for a minute, are dropped first; a flood stays bounded. */
const MAX_CLIENTS_TRACKED = 64;

export interface AutomationBurst {
  readonly at: number;
  readonly sessions: number;
  readonly client: string;
}

/** The most sessions one client of a user opened within AUTOMATION_WINDOW_MS, when at least AUTOMATION_SESSIONS. */
export class AutomationFold {
  /** Per user: each recent client's starts within the last minute. */
  private readonly recent = new Map<number, Map<string, TimeQueue<number>>>();
  private readonly best = new Map<number, AutomationBurst>();

  /** A start of the user from `client` ('' when unknown), in time order. */
  started(user: number, client: string, at: number): void {
    let clients = this.recent.get(user);
    if (clients === undefined) this.recent.set(user, (clients = new Map()));
    let times = clients.get(client);
    if (times === undefined) {
      if (clients.size >= MAX_CLIENTS_TRACKED) prune(clients, at);
      times = new TimeQueue();
      clients.set(copyString(client), times);
    }
    while (times.size > 0 && at - times.peekTime() > AUTOMATION_WINDOW_MS) times.shift();
    times.push(at, at);
    const sessions = times.size;
    const best = this.best.get(user);
    if (sessions >= AUTOMATION_SESSIONS && (best === undefined || sessions > best.sessions)) {
      this.best.set(user, { at: times.peekTime(), sessions, client: best?.client === client ? best.client : copyString(client) });
    }
  }

  burstOf(user: number): AutomationBurst | null {
    return this.best.get(user) ?? null;
  }

  heldEntries(): number {
    let held = this.best.size;
    for (const clients of this.recent.values()) for (const times of clients.values()) held += 1 + times.size;
    return held;
  }
}

/** Drops the clients idle for a minute; if none is, the oldest (a new burst from it starts over). */
function prune(clients: Map<string, TimeQueue<number>>, at: number): void {
  for (const [client, times] of clients) {
    let newest = Number.NEGATIVE_INFINITY;
    for (const time of times.values()) newest = time;
    if (at - newest > AUTOMATION_WINDOW_MS) clients.delete(client);
  }
  while (clients.size >= MAX_CLIENTS_TRACKED) {
    const oldest = clients.keys().next().value;
    if (oldest === undefined) break;
    clients.delete(oldest);
  }
}
