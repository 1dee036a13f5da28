import { TimeQueue } from './time-queue.js';

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

/** A registered session start, kept a while so that a reload window reported later can still claim it. */
interface RecentOpen {
  readonly user: number;
  readonly at: number;
  reload: ReloadWindow | null;
}

/** Sessions opened while a reload task ran (TaskExecution_Scheduler), per user, with the names of those tasks. */
export class ReloadFold {
  private readonly reloads: ReloadWindow[] = [];
  /** Reloads whose window may still hold starts not yet registered. */
  private active: ReloadWindow[] = [];
  private readonly recentOpens = new TimeQueue<RecentOpen>();
  private readonly sessions = new Map<number, number>();
  private readonly tasks = new Map<number, Set<string>>();

  reload(window: ReloadWindow): void {
    const kept = { ...window, taskName: (' ' + window.taskName).slice(1), status: (' ' + window.status).slice(1) };
    this.reloads.push(kept);
    this.active.push(kept);
    for (const open of this.recentOpens.values()) claim(open, kept);
  }

  started(user: number, at: number): void {
    const open: RecentOpen = { user, at, reload: null };
    if (this.active.length > 0) {
      this.active = this.active.filter((window) => window.stop + RELOAD_SLACK_MS >= at);
      for (const window of this.active) claim(open, window);
    }
    this.recentOpens.push(at, open);
  }

  settle(now: number): void {
    for (let at = this.recentOpens.peekTime(); at < now - RELOAD_LOOKBACK_MS; at = this.recentOpens.peekTime()) this.retire(this.recentOpens.shift());
  }

  matchesOf(user: number): { readonly sessions: number; readonly tasks: readonly string[] } {
    return { sessions: this.sessions.get(user) ?? 0, tasks: [...(this.tasks.get(user) ?? [])].sort() };
  }

  windows(): readonly ReloadWindow[] {
    return [...this.reloads].sort((a, b) => a.start - b.start);
  }

  heldEntries(): number {
    return this.recentOpens.size + this.reloads.length;
  }

  private retire(open: RecentOpen): void {
    if (open.reload === null) return;
    this.sessions.set(open.user, (this.sessions.get(open.user) ?? 0) + 1);
    let tasks = this.tasks.get(open.user);
    if (tasks === undefined) this.tasks.set(open.user, (tasks = new Set()));
    tasks.add(open.reload.taskName);
  }
}

/** The first reload window (by start) that holds a session start claims it. */
function claim(open: RecentOpen, window: ReloadWindow): void {
  if (open.at < window.start - RELOAD_SLACK_MS || open.at > window.stop + RELOAD_SLACK_MS) return;
  if (open.reload === null || window.start < open.reload.start) open.reload = window;
}
