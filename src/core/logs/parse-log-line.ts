import type { InternedNames } from './interned-names.js';
import type { LogEvent } from './log-event.js';
import { layoutFromHeader, layoutFromRow, type Layout, type LogLayoutName } from './log-layout.js';
import { normalizePastedLine } from './normalize-pasted-line.js';
import { cut, cutGotSession, cutLogin, cutStart, cutStop, cutTimeout } from './message-cuts.js';
import { findQlikTimestamp, parseQlikTimestamp } from './qlik-timestamp.js';
import { columnsOf, type Columns, type FactColumns } from './layout-columns.js';
import { isSkippedCommandAt, orNull, sessionIdOf, userOf } from './row-values.js';

/**
 * What one input has told us so far: its header row, if it had one, and the last ServiceUser passed on; and the
 * names its rows read in place have given (made on first use, or shared by the inputs of one reading).
 */
export interface LineContext {
  header: Layout | null;
  lastServiceUser: string | null;
  names?: InternedNames;
}

export function newLineContext(names?: InternedNames): LineContext {
  return names === undefined ? { header: null, lastServiceUser: null } : { header: null, lastServiceUser: null, names };
}

/** The outcome of one line: the layout it belongs to (null = not recognised); events go to `emit`. */
export type LineOutcome = LogLayoutName | 'header' | null;

export type EmitEvent = (event: LogEvent) => void;

// Message patterns of reference section 1.12, unanchored so they also match inside whole rows whose TABs were lost.
// Start, Stop, timeout, Login and got session are cut by `message-cuts.ts`, which gives what their patterns would.
const DENIED_USER =
  /was denied for User: '([^']+)'(?:, with AccessID '[^']*')?, SessionID: '([^']+)'(?:, SessionCount: '(\d+)')?(?:, Hostname: '([^']*)')?/;
const GRANTED =
  /access granted for User: '([^']+)' with UsageID: '[^']*', SessionID: '([^']+)', SessionCount: '(\d+)'(?:, Hostname: '([^']*)')?/;
const TRACE_GRANTED = /UsageID: \S+, SessionID: ([^,\s]+), SessionCount: (\d+)(?:, Hostname: '([^']*)')?/;
const DENIED_NO_LICENSE = /Login access denied for SessionID: '([^']+)'(?:, Hostname: "([^"]*)")?/;
const NO_ACCESS_TYPE = /No available access type, SessionID: ([^,\s]+)(?:, Hostname: "([^"]*)")?/;
const APP_NO_ACCESS_TYPE = /Access to app '[^']*' denied, result code 'NoAvailableAccessType'/;
const APP_ALLOWED = /Access to app '[^']*' allowed with access type '\w+'/;
const ALLOCATION = /User access, User: '([^']+)'/;
const INVALID = /Session '([^']+)' is invalid \(possibly timed out or logged out\)/;
/** Audit_Proxy's SessionClientHandler when a session ends (logout or timeout): `Session id = <id> and all dependents have been deleted.` */
const DEPENDENTS_DELETED = /Session id = '?([^'\s]+)'? and all dependents have been deleted/;
/** The proxy service stopping or starting (Service_Proxy `Command=Stop proxy`, System_Proxy `Proxy has stopped`). */
const PROXY_RESTART = /(?:Command=(Stop|Start) proxy;|Proxy (?:instance|service|has) (?:been )?(stopped|started)\b)/;
const OPENED_FOR = "connection Opened for session '";
const USER_AGENT_IS = "UserAgent: '";

/**
 * `connection Opened for session '<id>' ... UserAgent: '<browser>'` cut with indexOf: a tenth of the lines that
 * matter are these, and the regex with `.*` between the two was a hot spot. Shaped like a regex match.
 */
function userAgentOf(message: string): RegExpExecArray | null {
  const opened = message.indexOf(OPENED_FOR);
  if (opened === -1) return null;
  const idStart = opened + OPENED_FOR.length;
  const idEnd = message.indexOf("'", idStart);
  if (idEnd <= idStart) return null;
  const agent = message.indexOf(USER_AGENT_IS, idEnd);
  if (agent === -1) return null;
  const agentStart = agent + USER_AGENT_IS.length;
  const agentEnd = message.indexOf("'", agentStart);
  if (agentEnd === -1) return null;
  const match = [
    message.slice(opened, agentEnd + 1),
    message.slice(idStart, idEnd),
    message.slice(agentStart, agentEnd),
  ] as unknown as RegExpExecArray;
  return match;
}

// Rows whose TABs became spaces: the audit columns after `Description` and the trace columns before `Message`.
const LOOSE_DESCRIPTION = /Command=[^;]*;Result=-?\d+;ResultText=.*?\s+(\S+)\s+(\S+)\s+\d+\s+(\S+)\s+(\S+)(?:\s|$)/;
const LOOSE_TRACE_PREFIX = /^\d+\s+\d{8}T\S+\s+[A-Z]+\s+\S+\s+(\S+)\s+\d+\s+\S+\s+(\S+\\\S+)\s/;
const LOOSE_SECURITY = /\s(?:Security|License)\s+(\S+)\s+(?:Proxy|Repository)\s+\S+\s+(\/\S*)/;
const LOOSE_TASK = /Task execution finished\s.*?\s([A-Z]\w+)\s+(\d{8}T\S+)\s+(\d{8}T\S+)\s/;
const LOOSE_TASK_NAME = /\s[0-9a-f-]{36}\s+(.+?)\s+[0-9a-f-]{36}\s/;
/** The Hostname of a row whose TABs were lost: the word after the timestamp (and a level or a product version). */
const LOOSE_HOST = /\d{8}T\d{6}\.\d{3}\S*\s+(?:(?:INFO|WARN|ERROR|DEBUG|FATAL|TRACE)\s+)?([A-Za-z][\w.-]*)\s/;
const USER_NAME_AFTER = /\s(?:UsageDenied|UsageGranted)\s+(\S+\\\S+)/;

const TAB = '\t';

/** A TAB-separated row read in place: only the columns asked for are cut out of the line. */
class Row {
  /** Shared by every row: one row is read at a time, and no row outlives its line. */
  private static readonly tabs = new Int32Array(256);
  readonly count: number;
  private readonly tabs = Row.tabs;

  constructor(readonly line: string) {
    let count = 0;
    for (let tab = line.indexOf(TAB); tab !== -1 && count < this.tabs.length; tab = line.indexOf(TAB, tab + 1))
      this.tabs[count++] = tab;
    this.count = count + 1;
  }

  field(index: number): string | undefined {
    const start = this.fieldStart(index);
    return start === -1 ? undefined : this.line.slice(start, this.fieldEnd(index));
  }

  fields(): string[] {
    return this.line.split(TAB);
  }

  /** Whether column `index` holds exactly `text`, looked at in place. */
  fieldIs(index: number, text: string | null): boolean {
    if (text === null) return false;
    const start = this.fieldStart(index);
    return start !== -1 && this.fieldEnd(index) - start === text.length && this.line.startsWith(text, start);
  }

  /** Where column `index` ends in the line (only for a column the row has). */
  fieldEnd(index: number): number {
    return index === this.count - 1 ? this.line.length : (this.tabs[index] as number);
  }

  /** Where column `index` starts in the line, or -1 when the row has no such column. */
  fieldStart(index: number): number {
    if (index < 0 || index >= this.count) return -1;
    return index === 0 ? 0 : (this.tabs[index - 1] as number) + 1;
  }
}

/** A `Description` of `Command=<one of the skipped commands>;...`, looked at in place. */
function isSkippedCommand(row: Row, column: number): boolean {
  const start = row.fieldStart(column);
  return start !== -1 && isSkippedCommandAt(row.line, start, row.fieldEnd(column));
}

/**
 * Turns one line (a full row, a header-less row, a row whose TABs became spaces, or the Message column alone)
 * into events. Lines the scanner never decodes cannot matter; this decides for the ones it does.
 */
export function parseLogLine(raw: string, context: LineContext, emit: EmitEvent): LineOutcome {
  const line = normalizePastedLine(raw);
  if (line === '') return null;
  if (line.includes(TAB)) {
    if (line.startsWith('Sequence#')) {
      const header = layoutFromHeader(line.split(TAB));
      if (header === null) return null;
      context.header = header;
      return 'header';
    }
    const row = new Row(line);
    const header = context.header;
    const layout = header !== null && header.columns.size === row.count ? header : layoutFromRow(row.fields());
    if (layout !== null) return parseRow(row, resolveAuditSecurity(layout, row), context, emit);
  }
  return parseLoose(line.includes(TAB) ? line.replaceAll(TAB, ' ') : line, emit);
}

function resolveAuditSecurity(layout: Layout, row: Row): Layout {
  if (layout.name !== 'AuditSecurity_Repository' && layout.name !== 'AuditSecurity_Proxy') return layout;
  const service = columnsOf(layout).service;
  if (layout.name === 'AuditSecurity_Repository' && row.fieldIs(service, 'Proxy'))
    return twin(layout, 'AuditSecurity_Proxy');
  if (layout.name === 'AuditSecurity_Proxy' && row.fieldIs(service, 'Repository'))
    return twin(layout, 'AuditSecurity_Repository');
  return layout;
}

const TWINS = new WeakMap<Layout, Layout>();

/**
 * The same columns under the other AuditSecurity name, made once per header (either way round) so the column
 * cache keeps working: a fresh layout per row was a fresh column lookup per row.
 */
function twin(layout: Layout, name: 'AuditSecurity_Proxy' | 'AuditSecurity_Repository'): Layout {
  let made = TWINS.get(layout);
  if (made === undefined) {
    made = { name, columns: layout.columns };
    TWINS.set(layout, made);
  }
  return made;
}

function parseRow(row: Row, layout: Layout, context: LineContext, emit: EmitEvent): LineOutcome {
  const name = layout.name;
  const columns = columnsOf(layout);
  // Every row of a file names the same ServiceUser: compared in place, it is cut from the line only when it changes.
  const hasServiceUser = columns.serviceUser >= 0 && columns.serviceUser < row.count;
  if (hasServiceUser && !row.fieldIs(columns.serviceUser, context.lastServiceUser)) {
    const serviceUser = row.field(columns.serviceUser) as string;
    if (serviceUser !== context.lastServiceUser && serviceUser.includes('\\')) {
      context.lastServiceUser = serviceUser;
      emit({ kind: 'service-user', user: serviceUser });
    }
  }
  switch (name) {
    case 'AuditActivity_Proxy':
    case 'Service_Proxy':
    case 'AuditSecurity_Proxy':
    case 'AuditSecurity_Repository': {
      if (isSkippedCommand(row, columns.description)) return null;
      const facts = ROW_FACTS.of(row, columns.facts);
      const at = timeOf(row, columns);
      if (name === 'Service_Proxy' && restartOf(row.field(columns.description) ?? '', at, facts.node, emit))
        return name;
      return fromMessage(row.field(columns.message) ?? '', at, facts, emit) ? name : null;
    }
    case 'Audit_Proxy': {
      const facts = ROW_FACTS.of(row, columns.facts);
      return fromRowMessage(row, columns, facts, emit) ? name : null;
    }
    case 'License_Repository': {
      const facts = ROW_FACTS.of(row, columns.facts);
      return fromRowMessage(row, columns, facts, emit) ? name : null;
    }
    case 'TaskExecution_Scheduler': {
      const start = parseQlikTimestamp(row.field(columns.startTime) ?? '');
      const stop = parseQlikTimestamp(row.field(columns.stopTime) ?? '');
      if (Number.isNaN(start) || Number.isNaN(stop)) return hasServiceUser ? name : null;
      emit({
        kind: 'reload',
        taskName: row.field(columns.taskName) ?? '',
        start,
        stop,
        status: row.field(columns.status) ?? '',
      });
      return name;
    }
    case 'Session_Engine':
      // Engine sessions are not proxy sessions: recognised so the reply can say so, never counted.
      return name;
    case 'System_Proxy':
      return restartOf(
        row.field(columns.message) ?? '',
        timeOf(row, columns),
        orNull(row.field(columns.hostname)),
        emit,
      )
        ? name
        : null;
  }
}

/** The row's instant (NaN without one). Parsed before the message is looked at: a closure to parse it later cost more. */
function timeOf(row: Row, columns: Columns): number {
  // Parsed in place: a timestamp is at least 20 characters, and past its column the parser meets a TAB, no digit.
  const start = row.fieldStart(columns.timestamp);
  if (start === -1 || row.fieldEnd(columns.timestamp) - start < 20) return Number.NaN;
  return parseQlikTimestamp(row.line, start);
}

/** The events of a row's Message column, with the facts its other columns gave. */
function fromRowMessage(row: Row, columns: Columns, facts: RowFacts, emit: EmitEvent): boolean {
  return fromMessage(row.field(columns.message) ?? '', timeOf(row, columns), facts, emit);
}

/** A proxy stop or start; true when the text is one. */
function restartOf(text: string, at: number, node: string | null, emit: EmitEvent): boolean {
  if (!text.includes('roxy')) return false;
  const match = PROXY_RESTART.exec(text);
  if (match === null) return false;
  const word = match[1] ?? match[2] ?? '';
  emit({
    kind: 'proxy-restart',
    at,
    node,
    phase: word === 'Stop' || word === 'stopped' ? 'stopped' : 'started',
  });
  return true;
}

/** What the columns around the message say; null where the row does not carry it. */
interface RowFacts {
  readonly user: string | null;
  readonly sessionId: string | null;
  readonly client: string | null;
  readonly context: string | null;
  readonly node: string | null;
}

const NO_FACTS: RowFacts = { user: null, sessionId: null, client: null, context: null, node: null };

/**
 * The facts of a row, each cut from its line the first time a message asks for it: a Login line never needs the
 * user columns (its message names the user), a timeout line needs only them. One instance serves every row, as one
 * row is parsed at a time and its facts are copied into the events it makes.
 */
class LazyRowFacts implements RowFacts {
  private row: Row | null = null;
  private columns: FactColumns | null = null;
  private userCut: string | null | undefined = undefined;
  private sessionCut: string | null | undefined = undefined;
  private clientCut: string | null | undefined = undefined;
  private contextCut: string | null | undefined = undefined;
  private nodeCut: string | null | undefined = undefined;

  /** The facts of `row`, from the columns its layout keeps them in. */
  of(row: Row, columns: FactColumns): this {
    this.row = row;
    this.columns = columns;
    this.userCut = this.sessionCut = this.clientCut = this.contextCut = this.nodeCut = undefined;
    return this;
  }

  get user(): string | null {
    if (this.userCut === undefined) {
      const { userName, directory, id } = this.columns as FactColumns;
      const row = this.row as Row;
      this.userCut = userName >= 0 ? orNull(row.field(userName)) : userOf(row.field(directory), row.field(id));
    }
    return this.userCut;
  }

  get sessionId(): string | null {
    if (this.sessionCut === undefined) this.sessionCut = sessionIdOf(this.cut((this.columns as FactColumns).session));
    return this.sessionCut;
  }

  get client(): string | null {
    if (this.clientCut === undefined) this.clientCut = orNull(this.cut((this.columns as FactColumns).client));
    return this.clientCut;
  }

  get context(): string | null {
    if (this.contextCut === undefined) this.contextCut = orNull(this.cut((this.columns as FactColumns).context));
    return this.contextCut;
  }

  get node(): string | null {
    if (this.nodeCut === undefined) this.nodeCut = orNull(this.cut((this.columns as FactColumns).node));
    return this.nodeCut;
  }

  private cut(column: number): string | undefined {
    return (this.row as Row).field(column);
  }
}

const ROW_FACTS = new LazyRowFacts();

/** Emits the events a message says; false when the message is none we know. Cheap `includes` checks go before each pattern. */
function fromMessage(message: string, at: number, facts: RowFacts, emit: EmitEvent): boolean {
  let match: RegExpExecArray | null = null;
  if (message.includes('ession')) {
    if (message.includes('Start session for user') && cutStart(message)) {
      emit({
        kind: 'session-opened',
        at,
        user: cut.first,
        sessionId: facts.sessionId,
        via: 'start',
        client: facts.client,
        context: null,
        node: facts.node,
      });
      return true;
    } else if (message.includes('Stop session for user') && cutStop(message)) {
      emit({ kind: 'session-closed', at, user: cut.first, sessionId: cut.second, via: 'stop' });
      return true;
    } else if (message.includes('due to inactivity') && cutTimeout(message)) {
      emit({ kind: 'session-closed', at, user: facts.user, sessionId: cut.first, via: 'timeout' });
      return true;
    } else if (message.includes('got session')) {
      if (cutLogin(message)) {
        emit({
          kind: 'session-opened',
          at,
          user: cut.first,
          sessionId: cut.second,
          via: 'login',
          client: facts.client,
          context: facts.context,
          node: facts.node,
        });
        return true;
      } else if (cutGotSession(message)) {
        const id = cut.first;
        emit({
          kind: 'session-opened',
          at,
          user: id.includes('\\') ? id : facts.user,
          sessionId: cut.second,
          via: 'got-session',
          client: facts.client,
          context: null,
          node: facts.node,
        });
        return true;
      } else return false;
    } else if (message.includes('SessionID')) {
      if (message.includes('was denied for User') && (match = DENIED_USER.exec(message)) !== null) {
        const count = match[3] === undefined ? null : Number(match[3]);
        emit({
          kind: 'license-denied',
          at,
          user: match[1] ?? facts.user,
          sessionId: match[2] ?? null,
          sessionCount: count,
          client: orNull(match[4]) ?? facts.client,
          reason: count === null ? 'no-access-pass' : 'limit',
        });
      } else if (message.includes(' access granted for User') && (match = GRANTED.exec(message)) !== null) {
        emit({
          kind: 'license-granted',
          at,
          user: match[1] ?? '',
          sessionId: match[2] ?? null,
          sessionCount: Number(match[3]),
          client: orNull(match[4]) ?? facts.client,
        });
      } else if (
        (message.includes('Login access denied') && (match = DENIED_NO_LICENSE.exec(message)) !== null) ||
        (message.includes('No available access type') && (match = NO_ACCESS_TYPE.exec(message)) !== null)
      ) {
        // No licence to hand out, in the repository's two wordings: the session id, then maybe the node.
        emit({
          kind: 'license-denied',
          at,
          user: facts.user,
          sessionId: match[1] ?? null,
          sessionCount: null,
          client: orNull(match[2]) ?? facts.client,
          reason: 'no-access-pass',
        });
      } else if (
        message.includes('UsageID: ') &&
        facts.user !== null &&
        (match = TRACE_GRANTED.exec(message)) !== null
      ) {
        emit({
          kind: 'license-granted',
          at,
          user: facts.user,
          sessionId: match[1] ?? null,
          sessionCount: Number(match[2]),
          client: orNull(match[3]) ?? facts.client,
        });
      } else return false;
    } else if (
      message.includes('all dependents have been deleted') &&
      (match = DEPENDENTS_DELETED.exec(message)) !== null
    ) {
      emit({ kind: 'session-closed', at, user: facts.user, sessionId: match[1] ?? '', via: 'stop' });
    } else if (message.includes('is invalid (possibly') && (match = INVALID.exec(message)) !== null) {
      emit({ kind: 'session-invalid', at, user: facts.user, sessionId: match[1] ?? '' });
    } else if (message.includes('UserAgent: ') && (match = userAgentOf(message)) !== null) {
      emit({ kind: 'user-agent', at, user: facts.user, sessionId: match[1] ?? '', userAgent: match[2] ?? '' });
    } else if (!message.includes('AccessType')) {
      return false;
    }
    if (match !== null) return true;
  }
  if (message.includes('AccessType')) {
    if (message.includes('NoAvailableAccessType') && APP_NO_ACCESS_TYPE.test(message)) {
      emit({
        kind: 'license-denied',
        at,
        user: facts.user,
        sessionId: facts.sessionId,
        sessionCount: null,
        client: facts.client,
        reason: 'no-access-pass',
      });
      return true;
    }
    if (message.includes('User access, User: ') && (match = ALLOCATION.exec(message)) !== null) {
      emit({ kind: 'license-allocated', at, user: match[1] ?? '' });
      return true;
    }
    if (facts.user !== null && message.includes('allowed with access type') && APP_ALLOWED.test(message)) {
      emit({ kind: 'license-allocated', at, user: facts.user });
      return true;
    }
  }
  return false;
}

/** The layout a message comes from, for lines without columns (the Message column alone, TABs lost). */
function layoutOfMessage(line: string): LogLayoutName {
  if (line.includes('Start session') || line.includes('Stop session') || line.includes('connection Opened'))
    return 'AuditActivity_Proxy';
  if (
    line.includes('User authenticated.') ||
    line.includes('NoAvailableAccessType') ||
    line.includes('allowed with access type')
  )
    return 'AuditSecurity_Proxy';
  if (line.includes('got session:') || line.includes('due to inactivity') || line.includes('is invalid (possibly'))
    return 'Audit_Proxy';
  if (line.includes('No available access type') || (line.includes('UsageID: ') && !line.includes("UsageID: '")))
    return 'License_Repository';
  return 'AuditSecurity_Repository';
}

function parseLoose(line: string, emit: EmitEvent): LineOutcome {
  const at = findQlikTimestamp(line);
  const trace = LOOSE_TRACE_PREFIX.exec(line);
  if (trace !== null) {
    const serviceUser = trace[2] ?? '';
    emit({ kind: 'service-user', user: serviceUser });
    const logger = trace[1] ?? '';
    if (logger.startsWith('Session.Engine')) return 'Session_Engine';
    if (logger.startsWith('TaskExecution.Scheduler')) return looseTask(line, emit);
  }
  const description = LOOSE_DESCRIPTION.exec(line);
  let facts = NO_FACTS;
  if (description !== null) {
    const security = LOOSE_SECURITY.exec(line);
    facts = {
      user: userOf(description[3], description[4]),
      sessionId: description[1] === '0' ? null : (description[1] ?? null),
      client: orNull(security?.[1]),
      context: orNull(security?.[2]),
      node: LOOSE_HOST.exec(line)?.[1] ?? null,
    };
  } else if (trace !== null) {
    facts = { ...NO_FACTS, user: looseTraceUser(line), node: LOOSE_HOST.exec(line)?.[1] ?? null };
  }
  if (fromMessage(line, at, facts, emit)) return layoutOfMessage(line);
  return restartOf(line, at, LOOSE_HOST.exec(line)?.[1] ?? null, emit)
    ? line.includes('Command=')
      ? 'Service_Proxy'
      : 'System_Proxy'
    : null;
}

/** The user of a trace row without TABs: `UserName` (License_Repository) or the `ActiveUser*` pair after the session id. */
function looseTraceUser(line: string): string | null {
  const named = USER_NAME_AFTER.exec(line);
  if (named !== null) return named[1] ?? null;
  const session =
    /(?:inactivity|logged out\)|got session: '[^']+')\s+[0-9a-f-]{36}\s+(?:[0-9a-f-]{36}\s+)?(\S+)\s+(\S+)/.exec(line);
  if (session === null) return null;
  const directory = session[1] ?? '';
  return /^[A-Za-z][\w.-]*$/.test(directory) ? userOf(directory, session[2]) : null;
}

function looseTask(line: string, emit: EmitEvent): LineOutcome {
  const task = LOOSE_TASK.exec(line);
  if (task === null) return 'TaskExecution_Scheduler';
  const start = parseQlikTimestamp(task[2] ?? '');
  const stop = parseQlikTimestamp(task[3] ?? '');
  if (!Number.isNaN(start) && !Number.isNaN(stop)) {
    emit({ kind: 'reload', taskName: LOOSE_TASK_NAME.exec(line)?.[1] ?? '', start, stop, status: task[1] ?? '' });
  }
  return 'TaskExecution_Scheduler';
}
