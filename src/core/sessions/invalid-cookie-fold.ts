import { TimeQueue } from './time-queue.js';

/** "Several new sessions within seconds" after an invalid cookie. */
export const BURST_SESSIONS = 3;
export const BURST_WINDOW_MS = 10_000;

interface PendingInvalid {
  readonly user: number;
  readonly at: number;
  sessions: number;
}

/** The first `Session '...' is invalid` line of each user followed by at least BURST_SESSIONS starts within BURST_WINDOW_MS. */
export class InvalidCookieFold {
  /** Invalid-cookie lines whose window is still open, oldest first. */
  private readonly pending = new TimeQueue<PendingInvalid>();
  private readonly bursts = new Map<number, { readonly at: number; readonly sessions: number }>();

  invalid(user: number, at: number): void {
    if (!Number.isNaN(at)) this.pending.push(at, { user, at, sessions: 0 });
  }

  /** A start of the user at `at`, registered once the lines around it are in. */
  started(user: number, at: number): void {
    // By index: a generator here made an object or two for every start of every user.
    const pending = this.pending;
    for (let index = 0; index < pending.size; index++) {
      const invalid = pending.itemAt(index);
      if (invalid.user === user && invalid.at <= at && at <= invalid.at + BURST_WINDOW_MS) invalid.sessions++;
    }
  }

  /** Windows that closed before `registered` (every start before it is counted) are decided. */
  settle(registered: number): void {
    for (let at = this.pending.peekTime(); at + BURST_WINDOW_MS < registered; at = this.pending.peekTime()) {
      const pending = this.pending.shift();
      if (!this.bursts.has(pending.user) && pending.sessions >= BURST_SESSIONS)
        this.bursts.set(pending.user, { at: pending.at, sessions: pending.sessions });
    }
  }

  burstOf(user: number): { readonly at: number; readonly sessions: number } | null {
    return this.bursts.get(user) ?? null;
  }

  heldEntries(): number {
    return this.pending.size + this.bursts.size;
  }
}
