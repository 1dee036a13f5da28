import { clientHash } from './client-hash.js';
import { copyString } from './copy-string.js';
import { TimeQueue } from './time-queue.js';

/** Automation: this many sessions from one client within a minute. */
export const AUTOMATION_SESSIONS = 5;
export const AUTOMATION_WINDOW_MS = 60_000;

export interface AutomationBurst {
  readonly at: number;
  readonly sessions: number;
  readonly client: string;
}

/** One user's starts of the last minute (each with its client's hash) and how many each client has among them. */
interface UserWindow {
  readonly starts: TimeQueue<number>;
  readonly perClient: Map<number, number>;
}

/**
 * The most sessions one client of a user opened within AUTOMATION_WINDOW_MS, when at least AUTOMATION_SESSIONS.
 * Only users who started a session in the last minute hold a window, with just those starts: memory follows the
 * starts of the last minute, not the users or their clients.
 */
export class AutomationFold {
  private readonly windows = new Map<number, UserWindow>();
  /** Every user's starts of the last minute, oldest first (the user of each): windows empty and go in this order. */
  private readonly recent = new TimeQueue<number>();
  private readonly best = new Map<number, AutomationBurst>();

  /** A start of the user from `client` ('' when unknown), in time order. */
  started(user: number, client: string, at: number): void {
    this.expire(at);
    let window = this.windows.get(user);
    if (window === undefined) this.windows.set(user, (window = { starts: new TimeQueue(), perClient: new Map() }));
    const { starts, perClient } = window;
    this.recent.push(at, user);
    const hash = clientHash(client);
    const sessions = (perClient.get(hash) ?? 0) + 1;
    perClient.set(hash, sessions);
    starts.push(at, hash);
    if (sessions < AUTOMATION_SESSIONS) return;
    const best = this.best.get(user);
    if (best !== undefined && sessions <= best.sessions) return;
    this.best.set(user, {
      at: firstStartOf(starts, hash),
      sessions,
      client: best?.client === client ? best.client : copyString(client),
    });
  }

  burstOf(user: number): AutomationBurst | null {
    return this.best.get(user) ?? null;
  }

  heldEntries(): number {
    let held = this.best.size + this.recent.size;
    for (const window of this.windows.values()) held += window.starts.size + window.perClient.size;
    return held;
  }

  /** Starts more than a minute before `at` leave their user's window, and windows left empty go. */
  private expire(at: number): void {
    while (this.recent.size > 0 && at - this.recent.peekTime() > AUTOMATION_WINDOW_MS) {
      const user = this.recent.shift();
      const window = this.windows.get(user);
      if (window === undefined) continue;
      const gone = window.starts.shift();
      const left = (window.perClient.get(gone) ?? 1) - 1;
      if (left === 0) window.perClient.delete(gone);
      else window.perClient.set(gone, left);
      if (window.starts.size === 0) this.windows.delete(user);
    }
  }
}

/** The earliest start of the client within the window: where its burst began. */
function firstStartOf(starts: TimeQueue<number>, hash: number): number {
  for (let index = 0; index < starts.size; index++) if (starts.itemAt(index) === hash) return starts.timeAt(index);
  return Number.NaN;
}
