import { copyString } from './copy-string.js';
import { StartRing } from './start-ring.js';

/** Reload windows are matched with a little slack: the REST calls start right after the task does. */
export const RELOAD_SLACK_MS = 5_000;
/** The scheduler reports a reload when it ends: starts are kept this long to be tied to it. */
const RELOAD_LOOKBACK_MS = 3 * 60 * 60_000;

export interface ReloadWindow {
  readonly taskName: string;
  readonly start: number;
  readonly stop: number;
  readonly status: string;
}

/** Sessions opened while a reload task ran (TaskExecution_Scheduler), per user, with the names of those tasks. */
export class ReloadFold {
  private readonly reloads: ReloadWindow[] = [];
  /** Reloads whose window may still hold starts not yet registered. */
  private active: ReloadWindow[] = [];
  /** Registered starts of the last three hours (the user of each), oldest first; numbered from `retired` on. */
  private readonly recentOpens = new StartRing();
  private retired = 0;
  /** The window that claimed a start, by the start's number: only the few starts inside a reload are here. */
  private readonly claims = new Map<number, ReloadWindow>();
  private readonly sessions = new Map<number, number>();
  private readonly tasks = new Map<number, Set<string>>();

  reload(window: ReloadWindow): void {
    const kept = { ...window, taskName: copyString(window.taskName), status: copyString(window.status) };
    this.reloads.push(kept);
    this.active.push(kept);
    const opens = this.recentOpens;
    for (let index = firstAtOrAfter(opens, kept.start - RELOAD_SLACK_MS); index < opens.size; index++) {
      if (opens.timeAt(index) > kept.stop + RELOAD_SLACK_MS) break;
      this.claim(this.retired + index, kept);
    }
  }

  started(user: number, at: number): void {
    if (this.active.length > 0) {
      this.active = this.active.filter((window) => window.stop + RELOAD_SLACK_MS >= at);
      for (const window of this.active)
        if (at >= window.start - RELOAD_SLACK_MS) this.claim(this.retired + this.recentOpens.size, window);
    }
    this.recentOpens.push(at, user, 0);
  }

  settle(now: number): void {
    const opens = this.recentOpens;
    for (let at = opens.oldestTime(); at < now - RELOAD_LOOKBACK_MS; at = opens.oldestTime()) {
      this.retire(this.retired, opens.oldestUser());
      opens.dropOldest();
      this.retired++;
    }
  }

  matchesOf(user: number): { readonly sessions: number; readonly tasks: readonly string[] } {
    return { sessions: this.sessions.get(user) ?? 0, tasks: [...(this.tasks.get(user) ?? [])].sort() };
  }

  windows(): readonly ReloadWindow[] {
    return [...this.reloads].sort((a, b) => a.start - b.start);
  }

  heldEntries(): number {
    return this.recentOpens.size + this.claims.size + this.reloads.length;
  }

  /** The first reload window (by start) that holds a session start claims it. */
  private claim(start: number, window: ReloadWindow): void {
    const claimed = this.claims.get(start);
    if (claimed === undefined || window.start < claimed.start) this.claims.set(start, window);
  }

  private retire(start: number, user: number): void {
    const reload = this.claims.get(start);
    if (reload === undefined) return;
    this.claims.delete(start);
    this.sessions.set(user, (this.sessions.get(user) ?? 0) + 1);
    let tasks = this.tasks.get(user);
    if (tasks === undefined) this.tasks.set(user, (tasks = new Set()));
    tasks.add(reload.taskName);
  }
}

/** The index of the first start at or after `at` (starts are in time order). */
function firstAtOrAfter(opens: StartRing, at: number): number {
  let low = 0;
  let high = opens.size;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (opens.timeAt(middle) < at) low = middle + 1;
    else high = middle;
  }
  return low;
}
