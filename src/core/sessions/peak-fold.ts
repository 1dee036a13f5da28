import { TimeQueue } from './time-queue.js';

/** The default virtual proxy session inactivity timeout; sessions end this long after their last use. */
export const DEFAULT_INACTIVITY_TIMEOUT_MS = 30 * 60_000;

/**
 * Each user's peak of parallel sessions, folded as the sessions open and close. Sessions before the excerpt were
 * open from its start until their end, which is only discovered when their end line comes by. At any instant t the
 * open sessions are the ones known open at t plus those before the excerpt discovered after t:
 * `before + (openNow(t) - discovered(t))`. So the peak is `before` plus the largest gain `openNow - discovered` seen
 * at a start (or none: the peak was at the start of the excerpt). Until a line ends any session, each is also
 * counted as if it ended 30 minutes after its start (`assumed`).
 */
export class PeakFold {
  private readonly openNow: number[] = [];
  private readonly discovered: number[] = [];
  private readonly before: number[] = [];
  private readonly maxGain: number[] = [];
  private readonly maxGainAt: number[] = [];
  private readonly assumedEnds: (TimeQueue<number> | null)[] = [];
  private readonly maxAssumed: number[] = [];
  private readonly maxAssumedAt: number[] = [];
  private endsSeen = false;

  addUser(): void {
    this.openNow.push(0);
    this.discovered.push(0);
    this.before.push(0);
    this.maxGain.push(0);
    this.maxGainAt.push(Number.NaN);
    this.assumedEnds.push(null);
    this.maxAssumed.push(0);
    this.maxAssumedAt.push(Number.NaN);
  }

  /** A session opened at `at` (NaN: open since before the excerpt). */
  opened(user: number, at: number): void {
    this.openNow[user] = (this.openNow[user] as number) + 1;
    if (Number.isNaN(at)) {
      this.discoveredBefore(user);
      return;
    }
    const gain = (this.openNow[user] as number) - (this.discovered[user] as number);
    if (gain > (this.maxGain[user] as number)) {
      this.maxGain[user] = gain;
      this.maxGainAt[user] = at;
    }
    if (this.endsSeen) return;
    let ends = this.assumedEnds[user] ?? null;
    if (ends === null) this.assumedEnds[user] = ends = new TimeQueue();
    while (ends.size > 0 && ends.peekTime() <= at) ends.shift();
    ends.push(at + DEFAULT_INACTIVITY_TIMEOUT_MS, 0);
    if (ends.size > (this.maxAssumed[user] as number)) {
      this.maxAssumed[user] = ends.size;
      this.maxAssumedAt[user] = at;
    }
  }

  /** An open session of the user ended. */
  closed(user: number): void {
    this.openNow[user] = (this.openNow[user] as number) - 1;
  }

  /** A session whose end is in the excerpt but not its start: it was open at every instant before this one. */
  discoveredBefore(user: number): void {
    this.before[user] = (this.before[user] as number) + 1;
    this.discovered[user] = (this.discovered[user] as number) + 1;
  }

  /** A line ended a session: from now on the lines tell the ends, the assumed ones are dropped. */
  endSeen(): void {
    if (this.endsSeen) return;
    this.endsSeen = true;
    for (let user = 0; user < this.assumedEnds.length; user++) this.assumedEnds[user] = null;
  }

  get assumed(): boolean {
    return !this.endsSeen;
  }

  sessionsBefore(user: number): number {
    return this.before[user] ?? 0;
  }

  /** The peak and when it was first reached (-Infinity: at the start of the excerpt, NaN: no session). */
  peakOf(user: number): { peak: number; peakAt: number } {
    return { peak: this.peak(user), peakAt: this.peakAt(user) };
  }

  /** The peak alone: asked for at every session the picture may keep, so nothing is allocated. */
  peak(user: number): number {
    return (this.before[user] ?? 0) + this.gain(user);
  }

  /** When the peak was first reached, as `peakOf` says it. */
  peakAt(user: number): number {
    if (this.gain(user) > 0) {
      // Assumed ends: sessions before the excerpt never end, each start counts for 30 minutes.
      return this.endsSeen ? (this.maxGainAt[user] ?? Number.NaN) : (this.maxAssumedAt[user] ?? Number.NaN);
    }
    return (this.before[user] ?? 0) > 0 ? Number.NEGATIVE_INFINITY : Number.NaN;
  }

  private gain(user: number): number {
    return this.endsSeen ? (this.maxGain[user] ?? 0) : (this.maxAssumed[user] ?? 0);
  }

  heldEntries(): number {
    let held = 0;
    for (const ends of this.assumedEnds) held += ends?.size ?? 0;
    return held;
  }
}
