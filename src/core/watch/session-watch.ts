import type { LogEvent } from '../logs/index.js';
import { BURST_SESSIONS, BURST_WINDOW_MS, DEFAULT_INACTIVITY_TIMEOUT_MS } from '../sessions/index.js';
import { SESSION_LIMIT } from '../verdict/index.js';
import { likelyCause, type SessionFacts } from './likely-cause.js';
import type { WatchAlert } from './watch-alert.js';

interface OpenSession {
  readonly user: UserEntry;
  readonly node: string;
  readonly opened: number;
  lastSeen: number;
  client: string | null;
  agent: string | null;
  localQrs: boolean;
}

interface PendingInvalid {
  readonly at: number;
  sessions: number;
}

interface UserEntry {
  readonly name: string;
  readonly open: Map<string, OpenSession>;
  /** The most sessions open at once since the last settle, and when; a grant's SessionCount counts too. */
  peak: number;
  peakAt: number;
  /** The count last alerted (0: none, or dropped since). */
  reported: number;
  /** The count last alerted was history, not told: its drop is not told either. */
  silent: boolean;
  pendingInvalid: PendingInvalid[];
}

export interface SessionWatchOptions {
  /** `DIRECTORY\user` accounts that run the Qlik services (configured). */
  readonly serviceAccounts?: readonly string[];
  /** Events before this instant build up the counts but raise no alert (history read at the first start). */
  readonly quietBefore?: number;
}

/** Closed ids are remembered this long, so a late copy of a start line in another log does not reopen them. */
const CLOSED_KEPT_MS = 10 * 60_000;
/** The same refusal is written to several logs within a second. */
const DENIAL_COPY_MS = 1_000;
/** A session with no line for longer than the inactivity timeout (and a margin) has ended unseen. */
const IDLE_MS = DEFAULT_INACTIVITY_TIMEOUT_MS + 5 * 60_000;
/** Clients listed in an alert; a flood of them is summarised by the count. */
const MAX_CLIENTS = 10;

const LOCAL = new Set(['::1', '127.0.0.1', '::ffff:127.0.0.1', 'localhost']);

/**
 * The watch's own per-user count of open proxy sessions, fed the typed events of the followed logs: small and
 * incremental (the analyzer's tracker reconstructs a whole excerpt; this keeps only what is open now). Memory is
 * the open sessions plus ids closed in the last minutes. Alerts come out of `settle`, once a batch of lines is in,
 * so the client lines that follow a start are known when the alert names them.
 */
export class SessionWatch {
  private readonly users = new Map<string, UserEntry>();
  private readonly sessions = new Map<string, OpenSession>();
  private readonly closed = new Map<string, number>();
  private readonly denials = new Map<string, number>();
  private readonly serviceAccounts: Set<string>;
  private readonly alerts: WatchAlert[] = [];
  private readonly changed = new Set<UserEntry>();
  private quietBefore: number;
  private latest = Number.NEGATIVE_INFINITY;
  private lastSweep = Number.NEGATIVE_INFINITY;

  constructor(options: SessionWatchOptions = {}) {
    this.serviceAccounts = new Set((options.serviceAccounts ?? []).map((account) => account.toLowerCase()));
    this.quietBefore = options.quietBefore ?? Number.NEGATIVE_INFINITY;
  }

  /** Sessions held now (open ones), for the memory bound. */
  get openSessions(): number {
    return this.sessions.size;
  }

  /** Ids and users held now in all, for the memory bound. */
  get retained(): number {
    return this.sessions.size + this.closed.size + this.denials.size + this.users.size;
  }

  /** The user's open sessions as the logs tell. */
  openCount(user: string): number {
    return this.users.get(user.toLowerCase())?.open.size ?? 0;
  }

  /** Alerts for events from here on only (the backlog of a first start has been read). */
  setQuietBefore(at: number): void {
    this.quietBefore = at;
  }

  /** One event of the log on `node` (the host of the file it came from). */
  add(event: LogEvent, node: string): void {
    if (event.kind === 'service-user') {
      this.serviceAccounts.add(event.user.toLowerCase());
      return;
    }
    if (event.kind === 'reload') return;
    const at = event.at;
    if (!Number.isNaN(at) && at > this.latest) this.latest = at;
    switch (event.kind) {
      case 'session-opened':
        this.opened(event.sessionId, event.user, at, node, event.client, event.context);
        return;
      case 'session-closed':
        this.close(event.sessionId, at);
        return;
      case 'license-granted': {
        if (this.isServiceAccount(event.user)) this.alert('service-account-licensed', this.user(event.user), at, null);
        if (event.sessionId !== null) this.opened(event.sessionId, event.user, at, node, event.client, null);
        if (event.sessionCount !== null) this.peakAt(this.user(event.user), event.sessionCount, at);
        return;
      }
      case 'license-allocated':
        if (this.isServiceAccount(event.user)) this.alert('service-account-licensed', this.user(event.user), at, null);
        return;
      case 'license-denied': {
        if (event.reason !== 'limit') return;
        const name =
          event.user ?? (event.sessionId === null ? null : (this.sessions.get(event.sessionId)?.user.name ?? null));
        if (name === null || this.isRepeatedDenial(event.sessionId, at)) return;
        this.alert('refused', this.user(name), at, event.sessionCount);
        return;
      }
      case 'session-invalid': {
        const name = event.user ?? this.sessions.get(event.sessionId)?.user.name ?? null;
        if (name === null || Number.isNaN(at)) return;
        this.user(name).pendingInvalid.push({ at, sessions: 0 });
        return;
      }
      case 'user-agent': {
        const session = this.sessions.get(event.sessionId);
        if (session === undefined || event.userAgent === '') return;
        session.agent = event.userAgent;
        session.lastSeen = Math.max(session.lastSeen, at);
        return;
      }
    }
  }

  /** The alerts of the events added since the last call: at-limit and count-dropped per user, and the rest in order. */
  settle(): WatchAlert[] {
    this.sweep();
    for (const user of this.changed) {
      const count = user.open.size;
      if (user.peak >= SESSION_LIMIT && user.peak > user.reported) {
        // History read at the first start is not told, and so never followed by a "count dropped".
        user.silent = !this.alert('at-limit', user, user.peakAt, user.peak);
        user.reported = user.peak;
      } else if (user.reported >= SESSION_LIMIT && count < SESSION_LIMIT) {
        if (!user.silent) this.alert('count-dropped', user, this.latest, count);
        user.reported = 0;
        user.silent = false;
      }
      user.peak = count;
      user.peakAt = this.latest;
    }
    this.changed.clear();
    return this.alerts.splice(0);
  }

  private isServiceAccount(name: string): boolean {
    return this.serviceAccounts.has(name.toLowerCase());
  }

  private user(name: string): UserEntry {
    const key = name.toLowerCase();
    let user = this.users.get(key);
    if (user === undefined) {
      user = { name, open: new Map(), peak: 0, peakAt: Number.NaN, reported: 0, silent: false, pendingInvalid: [] };
      this.users.set(key, user);
    }
    return user;
  }

  private peakAt(user: UserEntry, count: number, at: number): void {
    this.changed.add(user);
    if (count > user.peak) {
      user.peak = count;
      user.peakAt = at;
    }
  }

  private opened(
    id: string | null,
    name: string | null,
    at: number,
    node: string,
    client: string | null,
    context: string | null,
  ): void {
    if (id === null) return;
    const known = this.sessions.get(id);
    if (known !== undefined) {
      known.client ??= client;
      known.lastSeen = Math.max(known.lastSeen, at);
      if (context?.startsWith('/qrs/') === true && client !== null && LOCAL.has(client)) known.localQrs = true;
      return;
    }
    if (name === null || this.closed.has(id)) return;
    const user = this.user(name);
    const session: OpenSession = {
      user,
      node,
      opened: at,
      lastSeen: at,
      client,
      agent: null,
      localQrs: context?.startsWith('/qrs/') === true && client !== null && LOCAL.has(client),
    };
    this.sessions.set(id, session);
    user.open.set(id, session);
    this.peakAt(user, user.open.size, at);
    for (const pending of user.pendingInvalid) {
      if (at < pending.at || at > pending.at + BURST_WINDOW_MS) continue;
      pending.sessions++;
      if (pending.sessions === BURST_SESSIONS) this.alert('cookie-burst', user, pending.at, pending.sessions);
    }
  }

  private close(id: string, at: number): void {
    this.closed.set(id, Number.isNaN(at) ? this.latest : at);
    const session = this.sessions.get(id);
    if (session === undefined) return;
    this.sessions.delete(id);
    session.user.open.delete(id);
    this.changed.add(session.user);
  }

  private isRepeatedDenial(id: string | null, at: number): boolean {
    if (id === null || Number.isNaN(at)) return false;
    const last = this.denials.get(id);
    this.denials.set(id, at);
    return last !== undefined && Math.abs(last - at) <= DENIAL_COPY_MS;
  }

  private alert(cause: WatchAlert['cause'], user: UserEntry, at: number, count: number | null): boolean {
    if (!Number.isNaN(at) && at < this.quietBefore) return false;
    const open = [...user.open.values()];
    const clients = [
      ...new Set(open.flatMap((session) => [session.client, session.agent]).filter((client) => client !== null)),
    ];
    const facts: SessionFacts[] = open.map((session) => ({
      opened: session.opened,
      client: session.client ?? session.agent,
      localQrs: session.localQrs,
    }));
    this.alerts.push({
      cause,
      user: user.name,
      at: Number.isNaN(at) ? this.latest : at,
      count,
      nodes: [...new Set(open.map((session) => session.node))].sort(),
      clients: clients.slice(0, MAX_CLIENTS),
      likely: cause === 'count-dropped' ? null : likelyCause(facts, this.isServiceAccount(user.name)),
      source: 'logs',
    });
    return true;
  }

  /** Drops what can no longer matter: idle sessions, old closed ids and denials, burst windows past, idle users. */
  private sweep(): void {
    const now = this.latest;
    if (now - this.lastSweep < 30_000) return;
    this.lastSweep = now;
    for (const [id, session] of this.sessions) {
      if (session.lastSeen >= now - IDLE_MS) continue;
      this.sessions.delete(id);
      session.user.open.delete(id);
      this.changed.add(session.user);
    }
    for (const [id, at] of this.closed) if (at < now - CLOSED_KEPT_MS) this.closed.delete(id);
    for (const [id, at] of this.denials) if (at < now - 2 * DENIAL_COPY_MS) this.denials.delete(id);
    for (const [key, user] of this.users) {
      user.pendingInvalid = user.pendingInvalid.filter((pending) => pending.at + BURST_WINDOW_MS >= now);
      if (user.open.size === 0 && user.reported === 0 && user.pendingInvalid.length === 0 && !this.changed.has(user))
        this.users.delete(key);
    }
  }
}
