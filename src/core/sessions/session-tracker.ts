import type { LogEvent } from '../logs/index.js';
import { TimeQueue } from './time-queue.js';

/** One proxy session while it may still be named by a line (open, or closed moments ago). */
interface SessionRecord {
  readonly user: UserState;
  /** NaN when opened before the excerpt. */
  readonly opened: number;
  closed: boolean;
  client: string | null;
  /** The last browser seen for it: most app opens repeat it, so the user's set is skipped for them. */
  userAgent: string | null;
}

/** Sessions one client opened within the last minute, and the biggest such burst so far. */
interface ClientOpens {
  readonly times: TimeQueue<number>;
  best: { at: number; sessions: number } | null;
}

interface PendingInvalid {
  readonly user: UserState;
  readonly at: number;
  sessions: number;
}

/** A registered session start, kept a while so that a reload window reported later can still claim it. */
interface RecentOpen {
  readonly user: UserState;
  readonly at: number;
  reload: ReloadWindow | null;
}

interface UserState {
  readonly name: string;
  sessionsStarted: number;
  sessionsBefore: number;
  denied: number;
  limitDenials: number;
  noPassDenials: number;
  firstLimitDenialAt: number;
  firstNoPassDenialAt: number;
  maxSessionCount: number | null;
  firstGrantAt: number;
  allocated: boolean;
  readonly addresses: Set<string>;
  readonly userAgents: Set<string>;
  qrsContext: boolean;
  /** Sessions open now as the lines tell (stop, timeout); sessions before the excerpt included once discovered. */
  openNow: number;
  /** Sessions before the excerpt discovered so far: each was open at every earlier instant. */
  discovered: number;
  /** The peak is `sessionsBefore + maxGain`: see `peakOf`. */
  maxGain: number;
  maxGainAt: number;
  /** The same count when no line ends any session and each is taken to end 30 minutes after it started. */
  readonly assumedEnds: TimeQueue<number>;
  maxAssumed: number;
  maxAssumedAt: number;
  readonly pendingInvalid: TimeQueue<PendingInvalid>;
  burst: { at: number; sessions: number } | null;
  readonly clients: Map<string, ClientOpens>;
  reloadSessions: number;
  readonly reloadTasks: Set<string>;
}

/** A user's proxy sessions as reconstructed from the excerpt; times are epoch milliseconds, NaN when unknown. */
export interface UserTimeline {
  readonly user: string;
  readonly sessionsStarted: number;
  /** Sessions whose end is in the excerpt but not their start: they were open before it. */
  readonly sessionsBeforeExcerpt: number;
  readonly peak: number;
  readonly peakAt: number;
  readonly denied: number;
  readonly limitDenials: number;
  readonly noPassDenials: number;
  readonly firstLimitDenialAt: number;
  readonly firstNoPassDenialAt: number;
  readonly maxSessionCount: number | null;
  readonly firstGrantAt: number;
  readonly allocated: boolean;
  readonly addresses: readonly string[];
  readonly userAgents: readonly string[];
  /** A session of this user authenticated on a `/qrs/...` request (the Monitoring apps' REST connector). */
  readonly qrsContext: boolean;
  /** The first `Session '...' is invalid` line followed by at least BURST_SESSIONS new sessions within BURST_WINDOW_MS. */
  readonly invalidCookieBurst: { readonly at: number; readonly sessions: number } | null;
  /** The most sessions one client opened within AUTOMATION_WINDOW_MS, when at least AUTOMATION_SESSIONS. */
  readonly automationBurst: { readonly at: number; readonly sessions: number; readonly client: string } | null;
  /** Sessions opened while a reload task ran (TaskExecution_Scheduler), and the names of those tasks. */
  readonly reloadMatches: { readonly sessions: number; readonly tasks: readonly string[] };
}

export interface ReloadWindow {
  readonly taskName: string;
  readonly start: number;
  readonly stop: number;
  readonly status: string;
}

export interface SessionTimelines {
  readonly users: readonly UserTimeline[];
  readonly reloads: readonly ReloadWindow[];
  /** Accounts named in the `ServiceUser` column of trace logs (lower case). */
  readonly serviceUsers: ReadonlySet<string>;
  /** Denials whose user no line named (the Message column alone of a `Login access denied`). */
  readonly anonymousNoPassDenials: number;
  readonly firstAnonymousDenialAt: number;
  /** No line said when a session ended (no Stop session, no timeout): each is taken to end 30 minutes after it started. */
  readonly assumedTimeouts: boolean;
  readonly from: number;
  readonly to: number;
}

/** The default virtual proxy session inactivity timeout; sessions end this long after their last use. */
export const DEFAULT_INACTIVITY_TIMEOUT_MS = 30 * 60_000;
/** "Several new sessions within seconds" after an invalid cookie. */
export const BURST_SESSIONS = 3;
export const BURST_WINDOW_MS = 10_000;
/** Automation: this many sessions from one client within a minute. */
export const AUTOMATION_SESSIONS = 5;
export const AUTOMATION_WINDOW_MS = 60_000;
/** Reload windows are matched with a little slack: the REST calls start right after the task does. */
export const RELOAD_SLACK_MS = 5_000;

/** A start is counted into bursts this long after it, once the lines that follow it have named its client. */
const REGISTER_LAG_MS = 2_000;
/** A closed session stays known this long: denials and browser lines for it may still follow. */
const CLOSED_KEPT_MS = 60_000;
/** The scheduler reports a reload when it ends: starts are kept this long to be tied to it. */
const RELOAD_LOOKBACK_MS = 3 * 60 * 60_000;
/** Copies of one denial in several files lie within a second of each other. */
const DENIAL_COPY_MS = 1_000;
/** Addresses and browsers kept per user: enough to tell one client from many, bounded for a flood of them. */
const MAX_CLIENTS_KEPT = 1_000;

function earliest(a: number, b: number): number {
  if (Number.isNaN(a)) return b;
  if (Number.isNaN(b)) return a;
  return Math.min(a, b);
}

function addBounded(set: Set<string>, value: string): void {
  if (set.size < MAX_CLIENTS_KEPT) set.add(value);
}

/**
 * Per-user timelines of proxy sessions, fed one event at a time in time order (`readLogInputs` merges every input
 * on the instant). Memory grows with the sessions open at once, never with the input: a session is dropped soon
 * after its end, and what the verdict needs (peak, bursts, reload matches) is folded into per-user figures as the
 * events pass. Events a little out of order are tolerated; far out of order they only make the figures approximate.
 */
export class SessionTracker {
  private readonly users = new Map<string, UserState>();
  /** Each spelling seen, so most lines skip lower-casing the name. */
  private readonly usersBySpelling = new Map<string, UserState>();
  private readonly sessions = new Map<string, SessionRecord>();
  private readonly serviceUsers = new Set<string>();
  private readonly reloads: ReloadWindow[] = [];
  /** Reloads whose window may still hold starts not yet registered. */
  private activeReloads: ReloadWindow[] = [];
  private anonymousNoPassDenials = 0;
  private firstAnonymousDenialAt = Number.NaN;
  /** The same denial is written to several files (AuditSecurity_Repository, License_Repository, proxy logs). */
  private readonly recentDenials = new Map<string, number>();
  private readonly denialQueue = new TimeQueue<string>();
  private readonly closedQueue = new TimeQueue<string>();
  /** Starts not yet counted into bursts and reload matches (their client may follow on the next lines). */
  private readonly startQueue = new TimeQueue<SessionRecord>();
  private readonly invalidQueue = new TimeQueue<PendingInvalid>();
  private readonly recentOpens = new TimeQueue<RecentOpen>();
  private closesSeen = 0;
  private from = Number.NaN;
  private to = Number.NaN;

  readonly add = (event: LogEvent): void => {
    if (event.kind === 'service-user') {
      this.serviceUsers.add(event.user.toLowerCase());
      return;
    }
    if (event.kind === 'reload') {
      this.seen(event.start);
      this.seen(event.stop);
      this.reload(event);
      return;
    }
    this.seen(event.at);
    switch (event.kind) {
      case 'session-opened': {
        const session = this.session(event.sessionId, event.user, event.at);
        if (session === null) return;
        if (event.client !== null) this.client(session, event.client);
        if (event.context !== null && event.context.startsWith('/qrs/')) session.user.qrsContext = true;
        return;
      }
      case 'session-closed': {
        this.close(event.sessionId, event.user, event.at);
        return;
      }
      case 'license-granted': {
        const user = this.user(event.user);
        user.firstGrantAt = earliest(user.firstGrantAt, event.at);
        this.sessionCount(user, event.sessionCount);
        // A grant names a session: a new id there is a new session (the Start session line may be missing).
        if (event.sessionId !== null) {
          const session = this.session(event.sessionId, event.user, event.at);
          if (session !== null && event.client !== null) this.client(session, event.client);
        } else if (event.client !== null) addBounded(user.addresses, event.client);
        return;
      }
      case 'license-allocated':
        this.user(event.user).allocated = true;
        return;
      case 'license-denied': {
        if (this.isRepeatedDenial(event.sessionId, event.at)) return;
        const name = event.user ?? (event.sessionId === null ? null : (this.sessions.get(event.sessionId)?.user.name ?? null));
        if (name === null) {
          this.anonymousNoPassDenials++;
          this.firstAnonymousDenialAt = earliest(this.firstAnonymousDenialAt, event.at);
          return;
        }
        this.denial(this.user(name), event);
        return;
      }
      case 'session-invalid': {
        const name = event.user ?? this.sessions.get(event.sessionId)?.user.name ?? null;
        if (name === null) return;
        const user = this.user(name);
        if (Number.isNaN(event.at)) return;
        const pending: PendingInvalid = { user, at: event.at, sessions: 0 };
        user.pendingInvalid.push(event.at, pending);
        this.invalidQueue.push(event.at, pending);
        return;
      }
      case 'user-agent': {
        if (event.userAgent === '') return;
        const session = this.sessions.get(event.sessionId);
        if (session !== undefined) {
          if (session.userAgent === event.userAgent) return;
          session.userAgent = event.userAgent;
        }
        // A browser line alone does not say when its session started or ended: it never makes a session.
        const user = session?.user ?? (event.user === null ? null : this.user(event.user));
        if (user !== undefined && user !== null) addBounded(user.userAgents, event.userAgent);
        return;
      }
    }
  };

  /** Session records held now: the open ones, and those closed within the last minute. For tests of the memory bound. */
  retainedSessionCount(): number {
    return this.sessions.size;
  }

  /** Session starts held now (instant and user only), for reload windows reported up to 3 hours later. */
  retainedStartCount(): number {
    return this.startQueue.size + this.recentOpens.size;
  }

  /** Call once, after the last event. */
  timelines(): SessionTimelines {
    this.settle(Number.POSITIVE_INFINITY);
    const assumed = this.closesSeen === 0;
    const users = [...this.users.values()].map((state) => this.timeline(state, assumed));
    return {
      users,
      reloads: [...this.reloads].sort((a, b) => a.start - b.start),
      serviceUsers: this.serviceUsers,
      anonymousNoPassDenials: this.anonymousNoPassDenials,
      firstAnonymousDenialAt: this.firstAnonymousDenialAt,
      assumedTimeouts: assumed,
      from: this.from,
      to: this.to,
    };
  }

  private timeline(state: UserState, assumed: boolean): UserTimeline {
    const { peak, peakAt } = peakOf(state, assumed);
    let automation: UserTimeline['automationBurst'] = null;
    for (const [client, opens] of state.clients) {
      if (opens.best !== null && (automation === null || opens.best.sessions > automation.sessions)) automation = { ...opens.best, client };
    }
    return {
      user: state.name,
      sessionsStarted: state.sessionsStarted,
      sessionsBeforeExcerpt: state.sessionsBefore,
      peak,
      peakAt: peak === 0 ? Number.NaN : Number.isFinite(peakAt) ? peakAt : this.from,
      denied: state.denied,
      limitDenials: state.limitDenials,
      noPassDenials: state.noPassDenials,
      firstLimitDenialAt: state.firstLimitDenialAt,
      firstNoPassDenialAt: state.firstNoPassDenialAt,
      maxSessionCount: state.maxSessionCount,
      firstGrantAt: state.firstGrantAt,
      allocated: state.allocated,
      addresses: [...state.addresses],
      userAgents: [...state.userAgents],
      qrsContext: state.qrsContext,
      invalidCookieBurst: state.burst,
      automationBurst: automation,
      reloadMatches: { sessions: state.reloadSessions, tasks: [...state.reloadTasks].sort() },
    };
  }

  private seen(at: number): void {
    if (Number.isNaN(at)) return;
    this.from = earliest(this.from, at);
    if (Number.isNaN(this.to) || at > this.to) {
      this.to = at;
      this.settle(at);
    }
  }

  /** Everything that can no longer change by `now` is folded into the users' figures and dropped. */
  private settle(now: number): void {
    for (let start = this.startQueue.peekTime(); start < now - REGISTER_LAG_MS; start = this.startQueue.peekTime()) {
      this.register(this.startQueue.shift());
    }
    const registered = now - REGISTER_LAG_MS;
    for (let at = this.invalidQueue.peekTime(); at + BURST_WINDOW_MS < registered; at = this.invalidQueue.peekTime()) {
      const pending = this.invalidQueue.shift();
      pending.user.pendingInvalid.shift();
      if (pending.user.burst === null && pending.sessions >= BURST_SESSIONS) pending.user.burst = { at: pending.at, sessions: pending.sessions };
    }
    for (let at = this.recentOpens.peekTime(); at < now - RELOAD_LOOKBACK_MS; at = this.recentOpens.peekTime()) this.retire(this.recentOpens.shift());
    for (let at = this.denialQueue.peekTime(); at < now - 2 * DENIAL_COPY_MS; at = this.denialQueue.peekTime()) {
      const id = this.denialQueue.shift();
      if (this.recentDenials.get(id) === at) this.recentDenials.delete(id);
    }
    for (let at = this.closedQueue.peekTime(); at < now - CLOSED_KEPT_MS; at = this.closedQueue.peekTime()) {
      const id = this.closedQueue.shift();
      if (this.sessions.get(id)?.closed === true) this.sessions.delete(id);
    }
  }

  /** A start, once its client is known, counts towards invalid-cookie bursts, automation bursts and reload windows. */
  private register(session: SessionRecord): void {
    const at = session.opened;
    const user = session.user;
    for (const pending of user.pendingInvalid.values()) if (pending.at <= at && at <= pending.at + BURST_WINDOW_MS) pending.sessions++;
    const key = session.client ?? '';
    let opens = user.clients.get(key);
    if (opens === undefined) {
      opens = { times: new TimeQueue(), best: null };
      user.clients.set(key, opens);
    }
    while (opens.times.size > 0 && at - opens.times.peekTime() > AUTOMATION_WINDOW_MS) opens.times.shift();
    opens.times.push(at, at);
    const sessions = opens.times.size;
    if (sessions >= AUTOMATION_SESSIONS && (opens.best === null || sessions > opens.best.sessions)) opens.best = { at: opens.times.peekTime(), sessions };
    const open: RecentOpen = { user, at, reload: null };
    if (this.activeReloads.length > 0) {
      this.activeReloads = this.activeReloads.filter((window) => window.stop + RELOAD_SLACK_MS >= at);
      for (const window of this.activeReloads) claim(open, window);
    }
    this.recentOpens.push(at, open);
  }

  private reload(window: ReloadWindow): void {
    this.reloads.push(window);
    this.activeReloads.push(window);
    for (const open of this.recentOpens.values()) claim(open, window);
  }

  private retire(open: RecentOpen): void {
    if (open.reload === null) return;
    open.user.reloadSessions++;
    open.user.reloadTasks.add(open.reload.taskName);
  }

  /** Windows accounts are case-insensitive; the first spelling seen is the one shown. */
  private user(name: string): UserState {
    const spelled = this.usersBySpelling.get(name);
    if (spelled !== undefined) return spelled;
    const key = name.toLowerCase();
    let state = this.users.get(key);
    if (state === undefined) {
      state = {
        name,
        sessionsStarted: 0,
        sessionsBefore: 0,
        denied: 0,
        limitDenials: 0,
        noPassDenials: 0,
        firstLimitDenialAt: Number.NaN,
        firstNoPassDenialAt: Number.NaN,
        maxSessionCount: null,
        firstGrantAt: Number.NaN,
        allocated: false,
        addresses: new Set(),
        userAgents: new Set(),
        qrsContext: false,
        openNow: 0,
        discovered: 0,
        maxGain: 0,
        maxGainAt: Number.NaN,
        assumedEnds: new TimeQueue(),
        maxAssumed: 0,
        maxAssumedAt: Number.NaN,
        pendingInvalid: new TimeQueue(),
        burst: null,
        clients: new Map(),
        reloadSessions: 0,
        reloadTasks: new Set(),
      };
      this.users.set(key, state);
    }
    this.usersBySpelling.set(name, state);
    return state;
  }

  /** The session a line names, opened at `at` when it is new (NaN: open since before the excerpt). */
  private session(sessionId: string | null, userName: string | null, at: number): SessionRecord | null {
    if (sessionId !== null) {
      const known = this.sessions.get(sessionId);
      if (known !== undefined) return known;
    }
    if (userName === null) return null;
    const user = this.user(userName);
    const session: SessionRecord = { user, opened: at, closed: false, client: null, userAgent: null };
    user.openNow++;
    if (Number.isNaN(at)) {
      user.sessionsBefore++;
      user.discovered++;
    } else {
      user.sessionsStarted++;
      this.opened(user, at);
      this.startQueue.push(at, session);
    }
    // A session without an id can never be named again: only its counts are kept.
    if (sessionId !== null) this.sessions.set(sessionId, session);
    return session;
  }

  /** The peak so far, both as the lines tell and as if every session ended 30 minutes after its start. */
  private opened(user: UserState, at: number): void {
    const gain = user.openNow - user.discovered;
    if (gain > user.maxGain) {
      user.maxGain = gain;
      user.maxGainAt = at;
    }
    if (this.closesSeen > 0) return;
    const ends = user.assumedEnds;
    while (ends.size > 0 && ends.peekTime() <= at) ends.shift();
    ends.push(at + DEFAULT_INACTIVITY_TIMEOUT_MS, 0);
    if (ends.size > user.maxAssumed) {
      user.maxAssumed = ends.size;
      user.maxAssumedAt = at;
    }
  }

  private close(sessionId: string, userName: string | null, at: number): void {
    let session = this.sessions.get(sessionId);
    if (session === undefined) {
      if (userName === null) return;
      // Its end is in the excerpt but not its start: it was open at every instant before this one.
      const user = this.user(userName);
      user.sessionsBefore++;
      user.discovered++;
      session = { user, opened: Number.NaN, closed: true, client: null, userAgent: null };
      this.sessions.set(sessionId, session);
      this.closedQueue.push(this.instantOr(at), sessionId);
    } else if (!session.closed) {
      session.closed = true;
      session.user.openNow--;
      this.closedQueue.push(this.instantOr(at), sessionId);
    }
    if (this.closesSeen++ === 0) {
      // Lines do tell when sessions end: the assumed ends are not needed any more.
      for (const state of this.users.values()) state.assumedEnds.clear();
    }
  }

  /** Lines without a timestamp happened about when the last timed line did. */
  private instantOr(at: number): number {
    if (!Number.isNaN(at)) return at;
    return Number.isNaN(this.to) ? Number.NEGATIVE_INFINITY : this.to;
  }

  private isRepeatedDenial(sessionId: string | null, at: number): boolean {
    if (sessionId === null || Number.isNaN(at)) return false;
    const last = this.recentDenials.get(sessionId);
    if (last !== undefined && Math.abs(last - at) <= DENIAL_COPY_MS) return true;
    this.recentDenials.set(sessionId, at);
    this.denialQueue.push(at, sessionId);
    return false;
  }

  private client(session: SessionRecord, client: string): void {
    // Most lines of a session repeat its first address: skip the set for them.
    if (session.client === client) return;
    session.client ??= client;
    addBounded(session.user.addresses, client);
  }

  private sessionCount(user: UserState, count: number | null): void {
    if (count !== null && (user.maxSessionCount === null || count > user.maxSessionCount)) user.maxSessionCount = count;
  }

  private denial(user: UserState, event: Extract<LogEvent, { kind: 'license-denied' }>): void {
    user.denied++;
    this.sessionCount(user, event.sessionCount);
    if (event.client !== null) addBounded(user.addresses, event.client);
    if (event.reason === 'limit') {
      user.limitDenials++;
      user.firstLimitDenialAt = earliest(user.firstLimitDenialAt, event.at);
    } else {
      user.noPassDenials++;
      user.firstNoPassDenialAt = earliest(user.firstNoPassDenialAt, event.at);
    }
  }
}

/** The first reload window (by start) that holds a session start claims it. */
function claim(open: RecentOpen, window: ReloadWindow): void {
  if (open.at < window.start - RELOAD_SLACK_MS || open.at > window.stop + RELOAD_SLACK_MS) return;
  if (open.reload === null || window.start < open.reload.start) open.reload = window;
}

/**
 * Sessions before the excerpt were open from its start until their end, which is only discovered when their end
 * line comes by. At any instant t, the open sessions are the ones known open at t plus those before the excerpt
 * discovered after t: `sessionsBefore + (openNow(t) - discovered(t))`. So the peak is `sessionsBefore` plus the
 * largest gain `openNow - discovered` seen at a start (or none: the peak was at the start of the excerpt).
 */
function peakOf(state: UserState, assumed: boolean): { peak: number; peakAt: number } {
  const before = state.sessionsBefore;
  // Assumed ends: sessions before the excerpt never end, each start counts for 30 minutes.
  const [gain, gainAt] = assumed ? [state.maxAssumed, state.maxAssumedAt] : [state.maxGain, state.maxGainAt];
  if (gain > 0) return { peak: before + gain, peakAt: gainAt };
  return before > 0 ? { peak: before, peakAt: Number.NEGATIVE_INFINITY } : { peak: 0, peakAt: Number.NaN };
}
