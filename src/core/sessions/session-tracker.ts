import type { LogEvent } from '../logs/index.js';
import { peakParallel } from './peak-parallel.js';

/** One proxy session, merged from every line that names its id (Start session, Login, got session, grants). */
interface SessionRecord {
  readonly user: UserState;
  /** NaN when opened before the excerpt. */
  opened: number;
  /** NaN while still open at the end of the excerpt. */
  closed: number;
  client: string | null;
  /** The last browser seen for it: most app opens repeat it, so the user's set is skipped for them. */
  userAgent: string | null;
}

interface UserState {
  readonly name: string;
  readonly sessions: SessionRecord[];
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
  readonly invalidAt: number[];
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
  /** Start times of the sessions opened inside the excerpt, ascending, with the client of each. */
  readonly opens: readonly { readonly at: number; readonly client: string | null }[];
  readonly invalidAt: readonly number[];
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

const MAX_INVALID_KEPT = 1000;
/** The default virtual proxy session inactivity timeout; sessions end this long after their last use. */
export const DEFAULT_INACTIVITY_TIMEOUT_MS = 30 * 60_000;

function earliest(a: number, b: number): number {
  if (Number.isNaN(a)) return b;
  if (Number.isNaN(b)) return a;
  return Math.min(a, b);
}

/**
 * Per-user timelines of proxy sessions, fed one event at a time in any order (files of several nodes arrive one
 * after another); everything is merged on the instant when `timelines()` is called.
 */
export class SessionTracker {
  private readonly users = new Map<string, UserState>();
  /** Each spelling seen, so most lines skip lower-casing the name. */
  private readonly usersBySpelling = new Map<string, UserState>();
  private readonly sessions = new Map<string, SessionRecord>();
  private readonly serviceUsers = new Set<string>();
  private readonly reloads: ReloadWindow[] = [];
  private anonymousNoPassDenials = 0;
  private firstAnonymousDenialAt = Number.NaN;
  private anonymousSessions = 0;
  /** The same denial is written to several files (AuditSecurity_Repository, License_Repository, proxy logs). */
  private readonly denialsBySession = new Map<string, number[]>();
  private closesSeen = 0;
  private from = Number.NaN;
  private to = Number.NaN;

  readonly add = (event: LogEvent): void => {
    if (event.kind === 'service-user') {
      this.serviceUsers.add(event.user.toLowerCase());
      return;
    }
    if (event.kind === 'reload') {
      this.reloads.push(event);
      this.seen(event.start);
      this.seen(event.stop);
      return;
    }
    this.seen(event.at);
    switch (event.kind) {
      case 'session-opened': {
        const session = this.session(event.sessionId, event.user);
        if (session === null) return;
        session.opened = earliest(session.opened, event.at);
        if (event.client !== null) this.client(session, event.client);
        if (event.context !== null && event.context.startsWith('/qrs/')) session.user.qrsContext = true;
        return;
      }
      case 'session-closed': {
        const session = this.session(event.sessionId, event.user);
        if (session === null) return;
        session.closed = earliest(session.closed, event.at);
        this.closesSeen++;
        return;
      }
      case 'license-granted': {
        const user = this.user(event.user);
        user.firstGrantAt = earliest(user.firstGrantAt, event.at);
        this.sessionCount(user, event.sessionCount);
        // A grant names a session: a new id there is a new session (the Start session line may be missing).
        if (event.sessionId !== null) {
          const session = this.session(event.sessionId, event.user);
          if (session !== null) {
            session.opened = earliest(session.opened, event.at);
            if (event.client !== null) this.client(session, event.client);
          }
        } else if (event.client !== null) user.addresses.add(event.client);
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
        if (user.invalidAt.length < MAX_INVALID_KEPT) user.invalidAt.push(event.at);
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
        user?.userAgents.add(event.userAgent);
        return;
      }
    }
  };

  timelines(): SessionTimelines {
    const users = [...this.users.values()].map((state) => this.timeline(state));
    return {
      users,
      reloads: [...this.reloads].sort((a, b) => a.start - b.start),
      serviceUsers: this.serviceUsers,
      anonymousNoPassDenials: this.anonymousNoPassDenials,
      firstAnonymousDenialAt: this.firstAnonymousDenialAt,
      assumedTimeouts: this.closesSeen === 0,
      from: this.from,
      to: this.to,
    };
  }

  private timeline(state: UserState): UserTimeline {
    // Without any end in the input, every session would look open until its end; the default timeout is closer to the truth.
    const spans = this.closesSeen > 0 ? state.sessions : state.sessions.map((session) => ({ opened: session.opened, closed: session.opened + DEFAULT_INACTIVITY_TIMEOUT_MS }));
    const { peak, peakAt } = peakParallel(spans);
    const opens = state.sessions
      .filter((session) => !Number.isNaN(session.opened))
      .map((session) => ({ at: session.opened, client: session.client }))
      .sort((a, b) => a.at - b.at);
    return {
      user: state.name,
      sessionsStarted: opens.length,
      sessionsBeforeExcerpt: state.sessions.length - opens.length,
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
      opens,
      invalidAt: [...state.invalidAt].sort((a, b) => a - b),
    };
  }

  private seen(at: number): void {
    if (Number.isNaN(at)) return;
    this.from = earliest(this.from, at);
    this.to = Number.isNaN(this.to) ? at : Math.max(this.to, at);
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
        sessions: [],
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
        invalidAt: [],
      };
      this.users.set(key, state);
    }
    this.usersBySpelling.set(name, state);
    return state;
  }

  private session(sessionId: string | null, userName: string | null): SessionRecord | null {
    if (sessionId !== null) {
      const known = this.sessions.get(sessionId);
      if (known !== undefined) return known;
    }
    if (userName === null) return null;
    const user = this.user(userName);
    const session: SessionRecord = { user, opened: Number.NaN, closed: Number.NaN, client: null, userAgent: null };
    user.sessions.push(session);
    this.sessions.set(sessionId ?? `#${++this.anonymousSessions}`, session);
    return session;
  }

  /** Copies of one denial in several files lie within a second of each other. */
  private isRepeatedDenial(sessionId: string | null, at: number): boolean {
    if (sessionId === null || Number.isNaN(at)) return false;
    const times = this.denialsBySession.get(sessionId);
    if (times === undefined) {
      this.denialsBySession.set(sessionId, [at]);
      return false;
    }
    if (times.some((time) => Math.abs(time - at) <= 1000)) return true;
    times.push(at);
    return false;
  }

  private client(session: SessionRecord, client: string): void {
    // Most lines of a session repeat its first address: skip the set for them.
    if (session.client === client) return;
    session.client ??= client;
    session.user.addresses.add(client);
  }

  private sessionCount(user: UserState, count: number | null): void {
    if (count !== null && (user.maxSessionCount === null || count > user.maxSessionCount)) user.maxSessionCount = count;
  }

  private denial(user: UserState, event: Extract<LogEvent, { kind: 'license-denied' }>): void {
    user.denied++;
    this.sessionCount(user, event.sessionCount);
    if (event.client !== null) user.addresses.add(event.client);
    if (event.reason === 'limit') {
      user.limitDenials++;
      user.firstLimitDenialAt = earliest(user.firstLimitDenialAt, event.at);
    } else {
      user.noPassDenials++;
      user.firstNoPassDenialAt = earliest(user.firstNoPassDenialAt, event.at);
    }
  }
}
