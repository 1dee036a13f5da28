import { clientHash } from './client-hash.js';
import { copyString } from './copy-string.js';
import { TimeQueue } from './time-queue.js';

/** Automation: this many sessions from one client within a minute. */
export const AUTOMATION_SESSIONS = 5;
export const AUTOMATION_WINDOW_MS = 60_000;
/** Starts kept per user within the minute: a script opening thousands a minute stays bounded. */
const MAX_STARTS_IN_WINDOW = 4096;

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
 * Each user holds only the starts of the last minute, so a random client per session costs nothing extra.
 */
export class AutomationFold {
  private readonly windows: (UserWindow | undefined)[] = [];
  private readonly best = new Map<number, AutomationBurst>();

  /** A start of the user from `client` ('' when unknown), in time order. */
  started(user: number, client: string, at: number): void {
    let window = this.windows[user];
    if (window === undefined) this.windows[user] = window = { starts: new TimeQueue(), perClient: new Map() };
    const { starts, perClient } = window;
    while (starts.size > 0 && (at - starts.peekTime() > AUTOMATION_WINDOW_MS || starts.size >= MAX_STARTS_IN_WINDOW)) {
      const gone = starts.shift();
      const left = (perClient.get(gone) ?? 1) - 1;
      if (left === 0) perClient.delete(gone);
      else perClient.set(gone, left);
    }
    const hash = clientHash(client);
    const sessions = (perClient.get(hash) ?? 0) + 1;
    perClient.set(hash, sessions);
    starts.push(at, hash);
    if (sessions < AUTOMATION_SESSIONS) return;
    const best = this.best.get(user);
    if (best !== undefined && sessions <= best.sessions) return;
    this.best.set(user, { at: firstStartOf(starts, hash), sessions, client: best?.client === client ? best.client : copyString(client) });
  }

  burstOf(user: number): AutomationBurst | null {
    return this.best.get(user) ?? null;
  }

  heldEntries(): number {
    let held = this.best.size;
    for (const window of this.windows) if (window !== undefined) held += window.starts.size + window.perClient.size;
    return held;
  }
}

/** The earliest start of the client within the window: where its burst began. */
function firstStartOf(starts: TimeQueue<number>, hash: number): number {
  for (let index = 0; index < starts.size; index++) if (starts.itemAt(index) === hash) return starts.timeAt(index);
  return Number.NaN;
}
