import { copyString } from './copy-string.js';
import { perUserArray } from './per-user-array.js';
import { StartRing } from './start-ring.js';

/** Automation: this many sessions from one client within a minute. */
export const AUTOMATION_SESSIONS = 5;
export const AUTOMATION_WINDOW_MS = 60_000;

export interface AutomationBurst {
  readonly at: number;
  readonly sessions: number;
  readonly client: string;
}

/**
 * The most sessions one client of a user opened within AUTOMATION_WINDOW_MS, when at least AUTOMATION_SESSIONS.
 * Every start of the last minute is in one ring of typed arrays, and each user has a count of them: a user with fewer
 * than AUTOMATION_SESSIONS starts in the window cannot have a burst, so only users above it count per client
 * (the few scripts and service accounts). Nothing is allocated for a start of anyone else.
 */
export class AutomationFold {
  private readonly recent = new StartRing();
  /** Per user: its starts in the window. */
  private inWindow = new Int32Array(256);
  /** Users with AUTOMATION_SESSIONS starts or more in the window: their starts per client hash. */
  private readonly perClient = new Map<number, Map<number, number>>();
  private readonly best = new Map<number, AutomationBurst>();
  /** The burst `counted` found, until `nameBest` names its client. */
  private pendingAt = Number.NaN;
  private pendingSessions = 0;

  /**
   * A start of the user from the client of hash `hash`, in time order. True when it made the user's largest burst
   * so far, whose client's text `nameBest` must then be given: the text is needed only then.
   */
  counted(user: number, hash: number, at: number): boolean {
    this.expire(at);
    if (user >= this.inWindow.length) this.inWindow = perUserArray(this.inWindow, user + 1, (n) => new Int32Array(n));
    this.recent.push(at, user, hash);
    const starts = (this.inWindow[user] as number) + 1;
    this.inWindow[user] = starts;
    if (starts < AUTOMATION_SESSIONS) return false;
    let counts = this.perClient.get(user);
    if (counts === undefined) this.perClient.set(user, (counts = this.countsOf(user)));
    else counts.set(hash, (counts.get(hash) ?? 0) + 1);
    const sessions = counts.get(hash) as number;
    if (sessions < AUTOMATION_SESSIONS) return false;
    const best = this.best.get(user);
    if (best !== undefined && sessions <= best.sessions) return false;
    this.pendingAt = this.firstStartOf(user, hash);
    this.pendingSessions = sessions;
    return true;
  }

  /** The client of the burst `counted` just found. */
  nameBest(user: number, client: string): void {
    const best = this.best.get(user);
    this.best.set(user, {
      at: this.pendingAt,
      sessions: this.pendingSessions,
      client: best?.client === client ? best.client : copyString(client),
    });
  }

  burstOf(user: number): AutomationBurst | null {
    return this.best.get(user) ?? null;
  }

  heldEntries(): number {
    let held = this.best.size + this.recent.size;
    for (const counts of this.perClient.values()) held += counts.size;
    return held;
  }

  /** Starts more than a minute before `at` leave the window; a user falling below the burst size stops counting. */
  private expire(at: number): void {
    while (this.recent.size > 0 && at - this.recent.oldestTime() > AUTOMATION_WINDOW_MS) {
      const user = this.recent.oldestUser();
      const hash = this.recent.oldestHash();
      this.recent.dropOldest();
      const starts = (this.inWindow[user] as number) - 1;
      this.inWindow[user] = starts;
      const counts = this.perClient.get(user);
      if (counts === undefined) continue;
      if (starts < AUTOMATION_SESSIONS) {
        this.perClient.delete(user);
        continue;
      }
      const left = (counts.get(hash) ?? 1) - 1;
      if (left === 0) counts.delete(hash);
      else counts.set(hash, left);
    }
  }

  /** The user's starts in the window per client, counted once when the user reaches the burst size. */
  private countsOf(user: number): Map<number, number> {
    const counts = new Map<number, number>();
    for (let index = 0; index < this.recent.size; index++) {
      if (this.recent.userAt(index) !== user) continue;
      const hash = this.recent.hashAt(index);
      counts.set(hash, (counts.get(hash) ?? 0) + 1);
    }
    return counts;
  }

  /** The earliest start of the client within the window: where its burst began. */
  private firstStartOf(user: number, hash: number): number {
    for (let index = 0; index < this.recent.size; index++)
      if (this.recent.userAt(index) === user && this.recent.hashAt(index) === hash) return this.recent.timeAt(index);
    return Number.NaN;
  }
}
