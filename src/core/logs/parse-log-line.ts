import type { LogEvent } from './log-event.js';
import { layoutFromHeader, layoutFromRow, type Layout, type LogLayoutName } from './log-layout.js';
import { normalizePastedLine } from './normalize-pasted-line.js';
import { findQlikTimestamp, parseQlikTimestamp } from './qlik-timestamp.js';

/** What one input has told us so far: its header row, if it had one. */
export interface LineContext {
  header: Layout | null;
}

export function newLineContext(): LineContext {
  return { header: null };
}

/** The outcome of one line: the layout it belongs to (null = not recognised); events go to `emit`. */
export type LineOutcome = LogLayoutName | 'header' | null;

export type EmitEvent = (event: LogEvent) => void;

// Message patterns of reference section 1.12, unanchored so they also match inside whole rows whose TABs were lost.
const START = /Start session for user: '([^']+)'/;
const STOP = /Stop session for user '([^']+)' \. Session id = '([^']+)'/;
const TIMEOUT = /Session (\S+) has been deleted due to inactivity/;
const LOGIN = /User authenticated\. User '([^']+)' used authentication method '[^']*' and got session '([^']+)'/;
const GOT_SESSION = /User '([^']+)' used '[^']*' authentication, got session: '([^']+)'/;
const DENIED_USER = /was denied for User: '([^']+)'(?:, with AccessID '[^']*')?, SessionID: '([^']+)'(?:, SessionCount: '(\d+)')?(?:, Hostname: '([^']*)')?/;
const GRANTED = /\w+ access granted for User: '([^']+)' with UsageID: '[^']*', SessionID: '([^']+)', SessionCount: '(\d+)'(?:, Hostname: '([^']*)')?/;
const TRACE_GRANTED = /UsageID: \S+, SessionID: ([^,\s]+), SessionCount: (\d+)(?:, Hostname: '([^']*)')?/;
const DENIED_NO_LICENSE = /Login access denied for SessionID: '([^']+)'(?:, Hostname: "([^"]*)")?/;
const NO_ACCESS_TYPE = /No available access type, SessionID: ([^,\s]+)(?:, Hostname: "([^"]*)")?/;
const APP_NO_ACCESS_TYPE = /Access to app '[^']*' denied, result code 'NoAvailableAccessType'/;
const APP_ALLOWED = /Access to app '[^']*' allowed with access type '\w+'/;
const ALLOCATION = /User access, User: '([^']+)'/;
const INVALID = /Session '([^']+)' is invalid \(possibly timed out or logged out\)/;
const USER_AGENT = /connection Opened for session '([^']+)'.*UserAgent: '([^']*)'/;

// Rows whose TABs became spaces: the audit columns after `Description` and the trace columns before `Message`.
const LOOSE_DESCRIPTION = /Command=[^;]*;Result=-?\d+;ResultText=.*?\s+(\S+)\s+(\S+)\s+\d+\s+(\S+)\s+(\S+)(?:\s|$)/;
const LOOSE_TRACE_PREFIX = /^\d+\s+\d{8}T\S+\s+[A-Z]+\s+\S+\s+(\S+)\s+\d+\s+\S+\s+(\S+\\\S+)\s/;
const LOOSE_SECURITY = /\s(?:Security|License)\s+(\S+)\s+(?:Proxy|Repository)\s+\S+\s+(\/\S*)/;
const LOOSE_TASK = /Task execution finished\s.*?\s([A-Z]\w+)\s+(\d{8}T\S+)\s+(\d{8}T\S+)\s/;
const LOOSE_TASK_NAME = /\s[0-9a-f-]{36}\s+(.+?)\s+[0-9a-f-]{36}\s/;
const USER_NAME_AFTER = /\s(?:UsageDenied|UsageGranted)\s+(\S+\\\S+)/;

const TAB = '\t';

function userOf(directory: string | undefined, id: string | undefined): string | null {
  if (directory === undefined || id === undefined || directory === '' || id === '') return null;
  if (id.includes('\\')) return id;
  return `${directory}\\${id}`;
}

function orNull(text: string | undefined): string | null {
  return text === undefined || text === '' ? null : text;
}

/** Read columns by name, whatever their position in this version of the layout. */
class Row {
  constructor(
    readonly layout: Layout,
    readonly fields: readonly string[],
  ) {}

  get(column: string): string | undefined {
    const index = this.layout.columns.get(column);
    return index === undefined ? undefined : this.fields[index];
  }
}

/**
 * Turns one line (a full row, a header-less row, a row whose TABs became spaces, or the Message column alone)
 * into events. Lines the scanner never decodes cannot matter; this decides for the ones it does.
 */
export function parseLogLine(raw: string, context: LineContext, emit: EmitEvent): LineOutcome {
  const line = normalizePastedLine(raw);
  if (line === '') return null;
  if (line.includes(TAB)) {
    const fields = line.split(TAB);
    if (fields[0] === 'Sequence#') {
      const header = layoutFromHeader(fields);
      if (header === null) return null;
      context.header = header;
      return 'header';
    }
    const header = context.header;
    const layout = header !== null && header.columns.size === fields.length ? header : layoutFromRow(fields);
    if (layout !== null) return parseRow(new Row(resolveAuditSecurity(layout, fields), fields), emit);
  }
  return parseLoose(line.includes(TAB) ? line.replaceAll(TAB, ' ') : line, emit);
}

function resolveAuditSecurity(layout: Layout, fields: readonly string[]): Layout {
  if (layout.name !== 'AuditSecurity_Repository' && layout.name !== 'AuditSecurity_Proxy') return layout;
  const service = fields[layout.columns.get('Service') ?? -1];
  if (service === 'Proxy' && layout.name === 'AuditSecurity_Repository') return { name: 'AuditSecurity_Proxy', columns: layout.columns };
  if (service === 'Repository' && layout.name === 'AuditSecurity_Proxy') return { name: 'AuditSecurity_Repository', columns: layout.columns };
  return layout;
}

function parseRow(row: Row, emit: EmitEvent): LineOutcome {
  const name = row.layout.name;
  const at = parseQlikTimestamp(row.get('Timestamp') ?? '');
  const message = row.get('Message') ?? '';
  const serviceUser = orNull(row.get('ServiceUser'));
  if (serviceUser !== null && serviceUser.includes('\\')) emit({ kind: 'service-user', user: serviceUser });
  switch (name) {
    case 'AuditActivity_Proxy':
    case 'Service_Proxy':
    case 'AuditSecurity_Proxy':
    case 'AuditSecurity_Repository': {
      const user = userOf(row.get('UserDirectory'), row.get('UserId'));
      const sessionId = orNull(row.get('ProxySessionId'));
      return fromMessage(message, at, { user, sessionId, client: orNull(row.get('ClientHostAddress')), context: orNull(row.get('Context')) }, emit) ? name : null;
    }
    case 'Audit_Proxy': {
      const user = userOf(row.get('ActiveUserDirectory'), row.get('ActiveUserId'));
      const matched = fromMessage(message, at, { user, sessionId: orNull(row.get('ProxySessionId')), client: orNull(row.get('IpAddress')), context: null }, emit);
      return matched ? name : null;
    }
    case 'License_Repository': {
      const user = orNull(row.get('UserName'));
      return fromMessage(message, at, { user, sessionId: orNull(row.get('ProxySessionId')), client: null, context: null }, emit) ? name : null;
    }
    case 'TaskExecution_Scheduler': {
      const start = parseQlikTimestamp(row.get('StartTime') ?? '');
      const stop = parseQlikTimestamp(row.get('StopTime') ?? '');
      if (Number.isNaN(start) || Number.isNaN(stop)) return serviceUser === null ? null : name;
      emit({ kind: 'reload', taskName: row.get('TaskName') ?? '', start, stop, status: row.get('Status') ?? '' });
      return name;
    }
    case 'Session_Engine':
      // Engine sessions are not proxy sessions: recognised so the reply can say so, never counted.
      return name;
  }
}

/** What the columns around the message say; null where the row does not carry it. */
interface RowFacts {
  readonly user: string | null;
  readonly sessionId: string | null;
  readonly client: string | null;
  readonly context: string | null;
}

const NO_FACTS: RowFacts = { user: null, sessionId: null, client: null, context: null };

/** Emits the events a message says; false when the message is none we know. */
function fromMessage(message: string, at: number, facts: RowFacts, emit: EmitEvent): boolean {
  let match: RegExpExecArray | null;
  if ((match = START.exec(message)) !== null) {
    emit({ kind: 'session-opened', at, user: match[1] ?? facts.user, sessionId: facts.sessionId, via: 'start', client: facts.client, context: null });
  } else if ((match = STOP.exec(message)) !== null) {
    emit({ kind: 'session-closed', at, user: match[1] ?? facts.user, sessionId: match[2] ?? '', via: 'stop' });
  } else if ((match = TIMEOUT.exec(message)) !== null) {
    emit({ kind: 'session-closed', at, user: facts.user, sessionId: match[1] ?? '', via: 'timeout' });
  } else if ((match = LOGIN.exec(message)) !== null) {
    emit({ kind: 'session-opened', at, user: match[1] ?? facts.user, sessionId: match[2] ?? null, via: 'login', client: facts.client, context: facts.context });
  } else if ((match = GOT_SESSION.exec(message)) !== null) {
    const id = match[1] ?? '';
    const user = id.includes('\\') ? id : (facts.user ?? null);
    emit({ kind: 'session-opened', at, user, sessionId: match[2] ?? null, via: 'got-session', client: facts.client, context: null });
  } else if ((match = DENIED_USER.exec(message)) !== null) {
    const count = match[3] === undefined ? null : Number(match[3]);
    emit({ kind: 'license-denied', at, user: match[1] ?? facts.user, sessionId: match[2] ?? null, sessionCount: count, client: orNull(match[4]) ?? facts.client, reason: count === null ? 'no-access-pass' : 'limit' });
  } else if ((match = GRANTED.exec(message)) !== null) {
    emit({ kind: 'license-granted', at, user: match[1] ?? '', sessionId: match[2] ?? null, sessionCount: Number(match[3]), client: orNull(match[4]) ?? facts.client });
  } else if ((match = DENIED_NO_LICENSE.exec(message)) !== null) {
    emit({ kind: 'license-denied', at, user: facts.user, sessionId: match[1] ?? null, sessionCount: null, client: orNull(match[2]) ?? facts.client, reason: 'no-access-pass' });
  } else if ((match = NO_ACCESS_TYPE.exec(message)) !== null) {
    emit({ kind: 'license-denied', at, user: facts.user, sessionId: match[1] ?? null, sessionCount: null, client: orNull(match[2]) ?? facts.client, reason: 'no-access-pass' });
  } else if (APP_NO_ACCESS_TYPE.test(message)) {
    emit({ kind: 'license-denied', at, user: facts.user, sessionId: facts.sessionId, sessionCount: null, client: facts.client, reason: 'no-access-pass' });
  } else if ((match = TRACE_GRANTED.exec(message)) !== null) {
    if (facts.user === null) return false;
    emit({ kind: 'license-granted', at, user: facts.user, sessionId: match[1] ?? null, sessionCount: Number(match[2]), client: orNull(match[3]) ?? facts.client });
  } else if ((match = INVALID.exec(message)) !== null) {
    emit({ kind: 'session-invalid', at, user: facts.user, sessionId: match[1] ?? '' });
  } else if ((match = USER_AGENT.exec(message)) !== null) {
    emit({ kind: 'user-agent', at, user: facts.user, sessionId: match[1] ?? '', userAgent: match[2] ?? '' });
  } else if ((match = ALLOCATION.exec(message)) !== null) {
    emit({ kind: 'license-allocated', at, user: match[1] ?? '' });
  } else if (APP_ALLOWED.test(message)) {
    if (facts.user === null) return false;
    emit({ kind: 'license-allocated', at, user: facts.user });
  } else {
    return false;
  }
  return true;
}

/** The layout a message comes from, for lines without columns (the Message column alone, TABs lost). */
function layoutOfMessage(line: string): LogLayoutName {
  if (line.includes('Start session') || line.includes('Stop session') || line.includes('connection Opened')) return 'AuditActivity_Proxy';
  if (line.includes('User authenticated.') || line.includes('NoAvailableAccessType') || line.includes('allowed with access type')) return 'AuditSecurity_Proxy';
  if (line.includes('got session:') || line.includes('due to inactivity') || line.includes('is invalid (possibly')) return 'Audit_Proxy';
  if (line.includes('No available access type') || line.includes('UsageID: ') && !line.includes("UsageID: '")) return 'License_Repository';
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
    };
  } else if (trace !== null) {
    facts = { ...NO_FACTS, user: looseTraceUser(line) };
  }
  return fromMessage(line, at, facts, emit) ? layoutOfMessage(line) : trace === null ? null : 'Audit_Proxy';
}

/** The user of a trace row without TABs: `UserName` (License_Repository) or the `ActiveUser*` pair after the session id. */
function looseTraceUser(line: string): string | null {
  const named = USER_NAME_AFTER.exec(line);
  if (named !== null) return named[1] ?? null;
  const session = /(?:inactivity|logged out\)|got session: '[^']+')\s+[0-9a-f-]{36}\s+(?:[0-9a-f-]{36}\s+)?(\S+)\s+(\S+)/.exec(line);
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

