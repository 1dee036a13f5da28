import { PicturedSessions } from './pictured-sessions.js';

/** How a session of a timeline ended (the contract of `TimelineSession.ending`). */
export type SessionEnding = 'stopped' | 'timed-out' | 'assumed-timeout' | 'open-at-end' | 'proxy-stopped';

/** One session as the timeline picture draws it; `start` NaN = before the excerpt, `end` NaN = open at its end. */
export interface RecordedSession {
  readonly start: number;
  readonly end: number;
  readonly ending: SessionEnding;
  readonly node: string | null;
  readonly client: string | null;
}

/** Sessions and refusals kept per user for the picture; beyond this the ones nearest the user's peak stay. */
export const TIMELINE_SESSIONS_PER_USER = 500;
export const TIMELINE_REFUSALS_PER_USER = 500;
/** Sessions and refusals kept over all users: the memory of the pictures stays fixed whatever the input. */
const SESSION_BUDGET = 40_000;
const REFUSAL_BUDGET = 40_000;
/** Users who keep their full share when the budget is spent: the verdict names at most five. */
const FULL_USERS = 8;

interface Kept {
  /** Records of `PicturedSessions`, in the order they were kept. */
  sessions: number[];
  refusals: number[];
  omittedSessions: number;
  omittedRefusals: number;
}

/** Distance of a session from the peak instant: 0 when it was open then. */
function distanceOf(sessionStart: number, sessionEnd: number, peakAt: number): number {
  if (!Number.isFinite(peakAt)) return Number.isNaN(sessionStart) ? 0 : sessionStart;
  const start = Number.isNaN(sessionStart) ? Number.NEGATIVE_INFINITY : sessionStart;
  const end = Number.isNaN(sessionEnd) ? Number.POSITIVE_INFINITY : sessionEnd;
  if (start <= peakAt && peakAt <= end) return 0;
  return Math.min(Math.abs(start - peakAt), Math.abs(end - peakAt));
}

interface Ranked {
  readonly record: number;
  /** Its place among the user's kept sessions. */
  readonly index: number;
  readonly distance: number;
}

/** The records, nearest the peak instant first (of two as near, the one kept first). */
function byNearness(records: PicturedSessions, sessions: readonly number[], peakAt: number): Ranked[] {
  return sessions
    .map((record, index) => ({
      record,
      index,
      distance: distanceOf(records.start(record), records.end(record), peakAt),
    }))
    .sort((a, b) => a.distance - b.distance || a.index - b.index);
}

/** The first `keep` of `ranked`, back in the order they were kept. */
function firstInOrder(ranked: Ranked[], keep: number): number[] {
  return ranked
    .slice(0, keep)
    .sort((a, b) => a.index - b.index)
    .map((entry) => entry.record);
}

function nearestTimes(times: number[], keep: number, peakAt: number): number[] {
  if (times.length <= keep) return times;
  const centre = Number.isFinite(peakAt) ? peakAt : (times[0] ?? 0);
  return [...times]
    .sort((a, b) => Math.abs(a - centre) - Math.abs(b - centre) || a - b)
    .slice(0, keep)
    .sort((a, b) => a - b);
}

/**
 * The sessions and refused attempts of each user, for the timeline picture. Per user at most 500 of each, those
 * around the peak first; over all users a fixed budget: when it is spent, the users least likely to be named keep
 * only the few nearest their peak, and the rest are counted as omitted.
 */
export class TimelineFold {
  /** By user number: most users have a session, so an array beats a map. */
  private readonly kept: (Kept | undefined)[] = [];
  private readonly records = new PicturedSessions();
  private sessionCount = 0;
  private refusalCount = 0;
  /** Set by the first compaction: what each user beyond the most interesting ones keeps, and who those are. */
  private share = Number.POSITIVE_INFINITY;
  private readonly fullUsers = new Set<number>();
  /** The interest of the last of the full users: a user passing it keeps everything again. */
  private threshold = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly peakAtOf: (user: number) => number,
    /** Larger = more likely to be named by the verdict. */
    private readonly interestOf: (user: number) => number,
  ) {}

  /**
   * Whether a session that ended (or is open at the end) is kept for the picture; when not, it is counted as
   * omitted. Asked before `record`, so what the record would hold is gathered only when it is kept.
   */
  keeps(user: number, start: number, end: number): boolean {
    const kept = this.of(user);
    if (
      kept.sessions.length >= this.share &&
      !this.mayBeNamed(user) &&
      distanceOf(start, end, this.peakAtOf(user)) !== 0
    ) {
      // Once the budget has been spent, a user unlikely to be named keeps only its share and the sessions of its
      // peak: the rest would be trimmed at the next compaction anyway, and not keeping them spares the garbage.
      kept.omittedSessions++;
      return false;
    }
    return true;
  }

  /** A session of `user` that `keeps` said is kept, as `PicturedSessions.add` takes it. */
  record(user: number, ...session: Parameters<PicturedSessions['add']>): void {
    const kept = this.of(user);
    kept.sessions.push(this.records.add(...session));
    this.sessionCount++;
    if (kept.sessions.length > TIMELINE_SESSIONS_PER_USER)
      this.trimSessions(user, kept, Math.floor(TIMELINE_SESSIONS_PER_USER * 0.8));
    if (this.sessionCount > SESSION_BUDGET) this.compact();
  }

  refused(user: number, at: number): void {
    if (Number.isNaN(at)) return;
    const kept = this.of(user);
    kept.refusals.push(at);
    this.refusalCount++;
    if (kept.refusals.length > TIMELINE_REFUSALS_PER_USER)
      this.trimRefusals(user, kept, Math.floor(TIMELINE_REFUSALS_PER_USER * 0.8));
    if (this.refusalCount > REFUSAL_BUDGET) this.compact();
  }

  sessionsOf(user: number): { sessions: readonly RecordedSession[]; omitted: number } {
    const kept = this.kept[user];
    if (kept === undefined) return { sessions: [], omitted: 0 };
    const sessions =
      kept.sessions.length <= TIMELINE_SESSIONS_PER_USER
        ? kept.sessions
        : firstInOrder(byNearness(this.records, kept.sessions, this.peakAtOf(user)), TIMELINE_SESSIONS_PER_USER);
    return {
      sessions: sessions.map((record) => this.records.session(record)),
      omitted: kept.omittedSessions + kept.sessions.length - sessions.length,
    };
  }

  refusalsOf(user: number): readonly number[] {
    return [...(this.kept[user]?.refusals ?? [])].sort((a, b) => a - b);
  }

  heldEntries(): number {
    return this.sessionCount + this.refusalCount;
  }

  private mayBeNamed(user: number): boolean {
    return this.fullUsers.has(user) || this.interestOf(user) > this.threshold;
  }

  private of(user: number): Kept {
    let kept = this.kept[user];
    if (kept === undefined)
      this.kept[user] = kept = { sessions: [], refusals: [], omittedSessions: 0, omittedRefusals: 0 };
    return kept;
  }

  private trimSessions(user: number, kept: Kept, keep: number): void {
    if (kept.sessions.length <= keep) return;
    const ranked = byNearness(this.records, kept.sessions, this.peakAtOf(user));
    for (let index = keep; index < ranked.length; index++) this.records.release((ranked[index] as Ranked).record);
    const sessions = firstInOrder(ranked, keep);
    kept.omittedSessions += kept.sessions.length - sessions.length;
    this.sessionCount -= kept.sessions.length - sessions.length;
    kept.sessions = sessions;
  }

  private trimRefusals(user: number, kept: Kept, keep: number): void {
    if (kept.refusals.length <= keep) return;
    const refusals = nearestTimes(kept.refusals, keep, this.peakAtOf(user));
    kept.omittedRefusals += kept.refusals.length - refusals.length;
    this.refusalCount -= kept.refusals.length - refusals.length;
    kept.refusals = refusals;
  }

  /** The budget is spent: all but the most interesting users keep only their share nearest their peak. */
  private compact(): void {
    const interest = new Map<number, number>();
    const users: number[] = [];
    this.kept.forEach((_, user) => users.push(user));
    for (const user of users) interest.set(user, this.interestOf(user));
    users.sort((a, b) => (interest.get(b) as number) - (interest.get(a) as number) || a - b);
    // A quarter of the budget shared by everyone else (possibly nothing each): the next compaction is far off.
    const share = Math.floor(SESSION_BUDGET / 4 / Math.max(1, users.length));
    this.share = share;
    this.fullUsers.clear();
    for (const user of users.slice(0, FULL_USERS)) this.fullUsers.add(user);
    this.threshold =
      users.length > FULL_USERS ? (interest.get(users[FULL_USERS - 1] as number) as number) : Number.NEGATIVE_INFINITY;
    users.forEach((user, rank) => {
      const kept = this.kept[user] as Kept;
      const keep = rank < FULL_USERS ? TIMELINE_SESSIONS_PER_USER : share;
      this.trimSessions(user, kept, keep);
      this.trimRefusals(user, kept, keep);
    });
  }
}
