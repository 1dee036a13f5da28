import type { LogEvent } from '../logs/index.js';
import { AnonymousDenials } from './anonymous-denials.js';
import { AutomationFold } from './automation-fold.js';
import { ClientFold } from './client-fold.js';
import { clientHash } from './client-hash.js';
import { copyString, quickCopy } from './copy-string.js';
import { DenialDedup } from './denial-dedup.js';
import { InvalidCookieFold } from './invalid-cookie-fold.js';
import { LicenceFold } from './licence-fold.js';
import { DEFAULT_INACTIVITY_TIMEOUT_MS, PeakFold } from './peak-fold.js';
import { ReloadFold } from './reload-fold.js';
import { SessionIndex } from './session-index.js';
import { endingCode, endingOf, SessionTable, STOPPED } from './session-table.js';
import type { HeldCounts, SessionTimelines, UserFigures } from './session-timelines.js';
import { TimelineFold, type SessionEnding } from './timeline-fold.js';
import { TimeQueue } from './time-queue.js';
import { UserTable } from './user-table.js';

/** A start is counted into bursts this long after it, once the lines that follow it have named its client. */
const REGISTER_LAG_MS = 2_000;
/** A closed session stays known this long: denials, browser lines and its timeout line may still follow. */
const CLOSED_KEPT_MS = 60_000;
/**
 * Until a line ends a session, every session is held to the end of the excerpt (each is taken to have timed out 30
 * minutes after its start). Beyond this many, the oldest are settled early as timed out and forgotten, so an excerpt
 * with no end lines (an AuditSecurity log alone) of any length holds about this many.
 */
const HELD_WITHOUT_ENDS = 50_000;
/** ...once they started this long ago: a line naming one of them later would count it as a new session. */
const SETTLED_WITHOUT_ENDS_MS = 2 * 60 * 60_000;
/** Proxy node names are few; a flood of distinct ones stops being interned here. */
const MAX_NODES = 256;
/** The hash automation counts a start without a client under. */
const NO_CLIENT_HASH = clientHash('');
/** A session's node when no line named it, and what `session` returns when no session was made. */
const NONE = -1;

/**
 * Per-user figures of proxy sessions, fed one event at a time in time order (`readLogInputs` merges every input on
 * the instant). Each concern is a small fold (peak, bursts, automation, reloads, licences, clients, the timeline
 * picture, denial copies, anonymous denials) over interned user numbers. Memory is the sessions open now plus a
 * fixed amount per user: a session is dropped a minute after its end; sessions are slots of a table in typed arrays,
 * ids are kept as hashes, and no string of the input is kept uncopied.
 */
export class SessionTracker {
  private readonly users = new UserTable();
  private readonly table = new SessionTable();
  private readonly sessions = new SessionIndex();
  /** Node names by their number, and the numbers by name. */
  private readonly nodes = new Map<string, number>();
  private readonly nodeNames: string[] = [];
  private readonly serviceUsers = new Set<string>();
  private readonly peaks = new PeakFold();
  private readonly licences = new LicenceFold();
  private readonly clients = new ClientFold();
  private readonly invalidCookies = new InvalidCookieFold();
  private readonly automation = new AutomationFold();
  private readonly reloads = new ReloadFold();
  private readonly denialCopies = new DenialDedup();
  private readonly anonymous = new AnonymousDenials();
  private readonly pictures = new TimelineFold(
    (user) => this.peaks.peakAt(user),
    (user) => {
      const licences = this.licences;
      return licences.limitDenials(user) * 1e9 + this.peaks.peak(user) * 1e6 + licences.denied(user);
    },
  );
  private readonly started: number[] = [];
  private readonly qrsContext: boolean[] = [];
  /** Slots of the table, each entry counted in its `queued`. */
  private readonly closedQueue = new TimeQueue<number>();
  /** Starts not yet counted into bursts and reload matches (their client may follow on the next lines). */
  private readonly startQueue = new TimeQueue<number>();
  /** Sessions with an id opened while no line has ended any, oldest first: the ones settled early when too many. */
  private readonly unended = new TimeQueue<number>();
  private from = Number.NaN;
  private to = Number.NaN;

  readonly add = (event: LogEvent): void => {
    if (event.kind === 'service-user') {
      const key = event.user.toLowerCase();
      // A lower-case name is its own key: a slice of the chunk its line came from, so the set keeps a copy.
      if (this.serviceUsers.size < MAX_NODES && !this.serviceUsers.has(key)) this.serviceUsers.add(copyString(key));
      return;
    }
    if (event.kind === 'reload') {
      this.seen(event.start);
      this.seen(event.stop);
      this.reloads.reload(event);
      return;
    }
    this.seen(event.at);
    switch (event.kind) {
      case 'session-opened': {
        const session = this.session(event.sessionId, event.user, event.at, event.node);
        if (session === NONE) return;
        if (event.client !== null) this.client(session, event.client);
        if (event.context !== null && event.context.startsWith('/qrs/'))
          this.qrsContext[this.table.user[session] as number] = true;
        this.table.forget(session);
        return;
      }
      case 'session-closed':
        this.close(event.sessionId, event.user, event.at, event.via === 'timeout' ? 'timed-out' : 'stopped');
        return;
      case 'proxy-restart':
        this.restart(event.node, event.at);
        return;
      case 'license-granted': {
        const user = this.user(event.user);
        this.licences.granted(user, event.at, event.sessionCount);
        // A grant names a session: a new id there is a new session (the Start session line may be missing).
        if (event.sessionId !== null) {
          const session = this.session(event.sessionId, event.user, event.at, null);
          if (session !== NONE) {
            if (event.client !== null) this.client(session, event.client);
            this.table.forget(session);
          }
        } else if (event.client !== null) this.clients.address(user, event.client);
        return;
      }
      case 'license-allocated':
        this.licences.allocated(this.user(event.user));
        return;
      case 'license-denied': {
        if (this.denialCopies.isCopy(event.sessionId, event.at)) return;
        const known = event.sessionId === null ? undefined : this.userOfSession(event.sessionId);
        const user = event.user !== null ? this.user(event.user) : known;
        if (user === undefined) {
          this.anonymous.denied(event.at);
          return;
        }
        this.licences.deniedAt(user, event.at, event.reason, event.sessionCount);
        this.pictures.refused(user, event.at);
        if (event.client !== null) this.clients.address(user, event.client);
        return;
      }
      case 'session-invalid': {
        const user = event.user !== null ? this.user(event.user) : this.userOfSession(event.sessionId);
        if (user !== undefined) this.invalidCookies.invalid(user, event.at);
        return;
      }
      case 'user-agent': {
        if (event.userAgent === '') return;
        const session = this.sessions.get(event.sessionId);
        if (session !== NONE) {
          if (this.table.userAgent(session) === event.userAgent) return;
          this.table.setUserAgent(session, quickCopy(event.userAgent));
        }
        // A browser line alone does not say when its session started or ended: it never makes a session.
        const user =
          session !== NONE
            ? (this.table.user[session] as number)
            : event.user === null
              ? undefined
              : this.user(event.user);
        if (user !== undefined) this.clients.userAgent(user, event.userAgent);
        return;
      }
    }
  };

  /** How many entries each structure holds now: what memory grows with (the bench's `--held` probe). */
  held(): HeldCounts {
    return {
      users: this.users.size,
      userKeys: this.users.heldEntries(),
      sessions: this.sessions.size,
      sessionSlots: this.table.capacity,
      sessionTexts: this.table.clients.heldEntries(),
      closedQueue: this.closedQueue.size,
      startQueue: this.startQueue.size,
      unended: this.unended.size,
      nodes: this.nodes.size,
      peaks: this.peaks.heldEntries(),
      clients: this.clients.heldEntries(),
      invalidCookies: this.invalidCookies.heldEntries(),
      automation: this.automation.heldEntries(),
      reloads: this.reloads.heldEntries(),
      denialCopies: this.denialCopies.heldEntries(),
      timelines: this.pictures.heldEntries(),
    };
  }

  /** Call once, after the last event. */
  timelines(): SessionTimelines {
    this.settle(Number.POSITIVE_INFINITY);
    const assumed = this.peaks.assumed;
    for (const session of this.sessions.values()) {
      if (Number.isNaN(this.table.closedAt[session] as number))
        this.picture(session, Number.NaN, assumed ? 'assumed-timeout' : 'open-at-end');
    }
    this.sessions.clear();
    const users: UserFigures[] = [];
    for (let user = 0; user < this.users.size; user++) users.push(this.figures(user));
    return {
      users,
      reloads: this.reloads.windows(),
      serviceUsers: this.serviceUsers,
      anonymousNoPassDenials: this.anonymous.count,
      firstAnonymousDenialAt: this.anonymous.firstAt,
      assumedTimeouts: assumed,
      from: this.from,
      to: this.to,
    };
  }

  private figures(user: number): UserFigures {
    const { peak, peakAt } = this.peaks.peakOf(user);
    const licence = this.licences.of(user);
    const clients = this.clients.figuresOf(user);
    const pictured = this.pictures.sessionsOf(user);
    const from = this.from;
    return {
      user: this.users.name(user),
      sessionsStarted: this.started[user] ?? 0,
      sessionsBeforeExcerpt: this.peaks.sessionsBefore(user),
      peak,
      peakAt: peak === 0 ? Number.NaN : Number.isFinite(peakAt) ? peakAt : from,
      denied: licence.denied,
      limitDenials: licence.limitDenials,
      noPassDenials: licence.noPassDenials,
      firstLimitDenialAt: licence.firstLimitDenialAt,
      firstNoPassDenialAt: licence.firstNoPassDenialAt,
      maxSessionCount: licence.maxSessionCount,
      firstGrantAt: licence.firstGrantAt,
      allocated: licence.allocated,
      clients,
      qrsContext: this.qrsContext[user] ?? false,
      invalidCookieBurst: this.invalidCookies.burstOf(user),
      automationBurst: this.automation.burstOf(user),
      reloadMatches: this.reloads.matchesOf(user),
      sessions: pictured.sessions,
      omittedSessions: pictured.omitted,
      refusals: this.pictures.refusalsOf(user),
    };
  }

  private seen(at: number): void {
    if (Number.isNaN(at)) return;
    if (Number.isNaN(this.from) || at < this.from) this.from = at;
    if (Number.isNaN(this.to) || at > this.to) {
      this.to = at;
      this.settle(at);
    }
  }

  /** Everything that can no longer change by `now` is folded into the users' figures and dropped. */
  private settle(now: number): void {
    const table = this.table;
    for (let start = this.startQueue.peekTime(); start < now - REGISTER_LAG_MS; start = this.startQueue.peekTime()) {
      const session = this.startQueue.shift();
      this.register(session);
      table.dequeued(session);
    }
    this.invalidCookies.settle(now - REGISTER_LAG_MS);
    this.reloads.settle(now);
    this.denialCopies.settle(now);
    for (let at = this.closedQueue.peekTime(); at < now - CLOSED_KEPT_MS; at = this.closedQueue.peekTime()) {
      const session = this.closedQueue.shift();
      const closedAt = table.closedAt[session] as number;
      if (table.indexed[session] === 1 && !Number.isNaN(closedAt) && closedAt <= at) {
        this.picture(session, closedAt, endingOf(table.ending[session] as number) ?? 'stopped');
        this.unindex(session);
      }
      table.dequeued(session);
    }
    if (!this.peaks.assumed) {
      // A line has ended a session: from now on sessions leave a minute after their end, as above.
      while (this.unended.size > 0) table.dequeued(this.unended.shift());
      return;
    }
    while (this.unended.size > 0) {
      const oldest = this.unended.itemAt(0);
      // Sessions a proxy restart ended have left (or will leave) by the closed queue.
      if (table.indexed[oldest] === 0 || !Number.isNaN(table.closedAt[oldest] as number)) {
        table.dequeued(this.unended.shift());
        continue;
      }
      if (this.sessions.size <= HELD_WITHOUT_ENDS || this.unended.peekTime() >= now - SETTLED_WITHOUT_ENDS_MS) break;
      this.unended.shift();
      // Pictured as the end of the excerpt would picture it, and forgotten: its counts are already in the folds.
      this.picture(oldest, Number.NaN, 'assumed-timeout');
      this.unindex(oldest);
      table.dequeued(oldest);
    }
  }

  private unindex(session: number): void {
    const table = this.table;
    this.sessions.remove(table.keyA[session] as number, table.keyB[session] as number, session);
    table.unindexed(session);
  }

  private picture(session: number, end: number, ending: SessionEnding): void {
    const table = this.table;
    const user = table.user[session] as number;
    const opened = table.opened[session] as number;
    const assumedEnd = ending === 'assumed-timeout' ? opened + DEFAULT_INACTIVITY_TIMEOUT_MS : end;
    if (!this.pictures.keeps(user, opened, assumedEnd)) return;
    const node = table.node[session] as number;
    this.pictures.record(
      user,
      opened,
      assumedEnd,
      ending,
      node === NONE ? null : (this.nodeNames[node] as string),
      table.clients,
      session,
      table.userAgent(session),
    );
  }

  /** A start, once its client is known, counts towards invalid-cookie bursts, automation bursts and reload windows. */
  private register(session: number): void {
    const table = this.table;
    const user = table.user[session] as number;
    const at = table.opened[session] as number;
    this.invalidCookies.started(user, at);
    const known = table.clients.has(session);
    if (this.automation.counted(user, known ? (table.clientHash[session] as number) : NO_CLIENT_HASH, at))
      this.automation.nameBest(user, known ? (table.clients.text(session) as string) : '');
    this.reloads.started(user, at);
  }

  private user(name: string): number {
    const known = this.users.size;
    const user = this.users.id(name);
    // A new user: every fold gets its slot (no closure is made for the lookups of users already known).
    if (user === known) {
      this.peaks.addUser();
      this.licences.addUser();
      this.started.push(0);
      this.qrsContext.push(false);
    }
    return user;
  }

  /** The number of a proxy node, or NONE. */
  private nodeOf(node: string | null): number {
    if (node === null || node === '') return NONE;
    const known = this.nodes.get(node);
    if (known !== undefined) return known;
    if (this.nodes.size >= MAX_NODES) return NONE;
    const copy = copyString(node);
    this.nodes.set(copy, this.nodeNames.length);
    this.nodeNames.push(copy);
    return this.nodeNames.length - 1;
  }

  /** The user of a session the index holds. */
  private userOfSession(sessionId: string): number | undefined {
    const session = this.sessions.get(sessionId);
    return session === NONE ? undefined : (this.table.user[session] as number);
  }

  /**
   * The session a line names, opened at `at` when it is new (NaN: open since before the excerpt); NONE when it is
   * new and the line names no user. A session without an id is held by nothing once pictured and registered: the
   * caller gives it back with `forget` when done with it.
   */
  private session(sessionId: string | null, userName: string | null, at: number, node: string | null): number {
    if (sessionId !== null) {
      const known = this.sessions.get(sessionId);
      if (known !== NONE) return known;
    }
    if (userName === null) return NONE;
    const user = this.user(userName);
    const table = this.table;
    const session = table.open(user, at, this.nodeOf(node));
    this.peaks.opened(user, at);
    if (!Number.isNaN(at)) {
      this.started[user] = (this.started[user] ?? 0) + 1;
      this.queue(this.startQueue, at, session);
    }
    // A session without an id can never be named again: only its counts and its picture are kept.
    if (sessionId !== null) {
      this.index(session);
      if (this.peaks.assumed && !Number.isNaN(at)) this.queue(this.unended, at, session);
    } else this.picture(session, Number.NaN, 'open-at-end');
    return session;
  }

  /** Indexes `session` under the id the last `sessions.get` did not find. */
  private index(session: number): void {
    const table = this.table;
    this.sessions.addMissed(session);
    table.keyA[session] = this.sessions.lastA;
    table.keyB[session] = this.sessions.lastB;
    table.indexed[session] = 1;
  }

  private queue(queue: TimeQueue<number>, at: number, session: number): void {
    queue.push(at, session);
    this.table.queued[session] = (this.table.queued[session] as number) + 1;
  }

  private close(sessionId: string, userName: string | null, at: number, ending: 'stopped' | 'timed-out'): void {
    const session = this.sessions.get(sessionId);
    const table = this.table;
    if (session === NONE) {
      if (userName === null) return;
      // Its end is in the excerpt but not its start: it was open at every instant before this one.
      const user = this.user(userName);
      this.peaks.discoveredBefore(user);
      const before = table.open(user, Number.NaN, NONE);
      const closedAt = this.instantOr(at);
      table.closedAt[before] = closedAt;
      table.ending[before] = endingCode(ending);
      this.index(before);
      this.queue(this.closedQueue, closedAt, before);
    } else if (Number.isNaN(table.closedAt[session] as number)) {
      const closedAt = this.instantOr(at);
      table.closedAt[session] = closedAt;
      table.ending[session] = endingCode(ending);
      this.peaks.closed(table.user[session] as number);
      this.queue(this.closedQueue, closedAt, session);
    } else if (ending === 'timed-out' && table.ending[session] === STOPPED) {
      // Stop session and "deleted due to inactivity" come together for a timeout: the latter says why.
      table.ending[session] = endingCode(ending);
    }
    this.peaks.endSeen();
  }

  /**
   * A proxy stop or start on `node` ends every session it held at `at`. Sessions whose node no line named end too
   * when at most one node is known (a single-node site, or lines without the Hostname column).
   */
  private restart(node: string | null, at: number): void {
    const known = this.nodeOf(node);
    const unnamedToo = known === NONE || this.nodes.size <= 1;
    const when = this.instantOr(at);
    const table = this.table;
    for (const session of this.sessions.values()) {
      if (!Number.isNaN(table.closedAt[session] as number)) continue;
      const on = table.node[session] as number;
      if (on === known || (on === NONE && unnamedToo) || known === NONE) {
        const opened = table.opened[session] as number;
        if (!Number.isNaN(opened) && opened > when) continue;
        table.closedAt[session] = when;
        table.ending[session] = endingCode('proxy-stopped');
        this.peaks.closed(table.user[session] as number);
        this.queue(this.closedQueue, when, session);
      }
    }
  }

  /** Lines without a timestamp happened about when the last timed line did. */
  private instantOr(at: number): number {
    if (!Number.isNaN(at)) return at;
    return Number.isNaN(this.to) ? Number.NEGATIVE_INFINITY : this.to;
  }

  private client(session: number, client: string): void {
    const clients = this.table.clients;
    // Most lines of a session repeat its first address: skip the fold for them.
    if (clients.equals(session, client)) return;
    const hash = clientHash(client);
    if (!clients.has(session)) this.table.setClient(session, client, hash);
    this.clients.address(this.table.user[session] as number, client, hash);
  }
}
