import { columnsOf, type Columns } from './layout-columns.js';
import type { LogLayoutName } from './log-layout.js';
import type { EmitEvent, LineContext, LineOutcome } from './parse-log-line.js';
import { parseQlikTimestamp } from './qlik-timestamp.js';
import { InternedNames } from './interned-names.js';
import { isSkippedCommandAt, orNull, sessionIdOf } from './row-values.js';

const latin1 = (text: string): Uint8Array => Uint8Array.from(text, (char) => char.charCodeAt(0));

/**
 * The five session messages that make nearly every line of a busy proxy's logs, each a fixed text around quoted
 * values; and, below them, the commonest of a Log Collector folder's other lines (Audit_Proxy's other end of a
 * session, a browser's line, an app opened under a licence, a licence granted in either log). `parseLogLine` finds
 * them by searching the message for wordings in turn; here the message's start says which it is, and the rest must be
 * exactly its template with values of the plain kind (see `plainValueEnd`).
 */
const LOGIN = latin1("User authenticated. User '");
const LOGIN_METHOD = latin1("' used authentication method '");
const LOGIN_SESSION = latin1("' and got session '");
const GOT = latin1("User '");
const GOT_METHOD = latin1("' used '");
const GOT_SESSION = latin1("' authentication, got session: '");
const TIMEOUT = latin1('Session ');
const TIMEOUT_TAIL = latin1(' has been deleted due to inactivity');
/** Audit_Proxy's end of a session (logout or timeout): `Session id = <id> and all dependents have been deleted.` */
const DEPENDENTS = latin1('Session id = ');
const DEPENDENTS_TAIL = latin1(' and all dependents have been deleted.');
const START = latin1("Start session for user: '");
const STOP = latin1("Stop session for user '");
const STOP_SESSION = latin1("' . Session id = '");
const STOP_TAILS: readonly Uint8Array[] = [latin1("'"), latin1("' and all dependents will be deleted.")];

/**
 * A browser's line: `Backend web socket connection Opened for session '<id>'. App id: '<app>'. UserAgent:
 * '<browser>'`.
 */
const OPENED = latin1("Backend web socket connection Opened for session '");
const APP_ID = latin1("'. App id: '");
const USER_AGENT = latin1("'. UserAgent: '");
/**
 * The wordings `parseLogLine` looks for before a browser's: a browser's name is any text but a quote, so it may
 * hold one (and `SessionID`, having no space, may be in any value), and then the parser reads the line otherwise.
 */
const READ_BEFORE_USER_AGENT: readonly string[] = [
  'Start session for user',
  'Stop session for user',
  'due to inactivity',
  'got session',
  'SessionID',
  'all dependents have been deleted',
  'is invalid (possibly',
];
/**
 * A licence granted (AuditSecurity_Repository): `Professional access granted for User: '<user>' with UsageID: '<id>',
 * SessionID: '<session>', SessionCount: '<n>'`, maybe with `, Hostname: '<address>'` and `, OperationType: '<op>'`.
 */
const GRANTED_FOR = latin1(" access granted for User: '");
const WITH_USAGE = latin1("' with UsageID: '");
const GRANTED_SESSION = latin1("', SessionID: '");
const SESSION_COUNT = latin1("', SessionCount: '");
const HOSTNAME = latin1(", Hostname: '");
const OPERATION = latin1(", OperationType: '");
const QUOTE_ONLY = latin1("'");
/**
 * License_Repository's grant: `UsageID: <id>, SessionID: <session>, SessionCount: <n>`, maybe with
 * `, Hostname: '<address>'`.
 */
const USAGE_ID = latin1('UsageID: ');
const TRACE_SESSION = latin1(', SessionID: ');
const TRACE_COUNT = latin1(', SessionCount: ');
/** An app opened under a licence: `Access to app '<app>' allowed with access type '<Type>', result code '<code>'`. */
const APP_ACCESS = latin1("Access to app '");
const ALLOWED_WITH = latin1("' allowed with access type '");
const RESULT_CODE = latin1("', result code '");

const SPACE = 32;
const QUOTE = 39;
const DIGIT_0 = 48;
const DIGIT_9 = 57;
const BACKSLASH = 92;

/**
 * The row being read: its bytes, and `delta`, where its text starts in them (the text is their latin1 decoding, so
 * a character's offset is its byte's less `delta`). The short checks (templates, values, the ServiceUser) loop over
 * the bytes rather than call `startsWith` per check; the TABs, many per row, are found with the string's `indexOf`,
 * which beats a JavaScript loop over every byte. One row is read at a time.
 */
let bytes: Uint8Array = new Uint8Array(0);
let delta = 0;
/** The user and node names of the input the row is from. */
let names = new InternedNames();
/** Where each column starts and ends, as offsets in the text. Rows with more columns are left to `parseLogLine`. */
const starts = new Int32Array(64);
const ends = new Int32Array(64);

/** Whether `expected` is at text offset `at`, ending by `end`. */
function bytesAt(at: number, end: number, expected: Uint8Array): boolean {
  if (at + expected.length > end) return false;
  // Locals, so the compiler checks the arrays once per call rather than once per byte.
  const source = bytes;
  const base = at + delta;
  for (let index = 0; index < expected.length; index++) if (source[base + index] !== expected[index]) return false;
  return true;
}

/**
 * A value of the plain kind runs from `from` to the next quote, before `end`, and holds at least one character,
 * none of them a space or outside printable ASCII: its end (the quote), or -1. Every wording `parseLogLine` looks
 * for has a space, so none fits in such a value: a message made of its template and plain values says what its
 * template says and nothing else.
 */
function plainValueEnd(from: number, end: number): number {
  const source = bytes;
  const shift = delta;
  for (let at = from; at < end; at++) {
    const code = source[at + shift] as number;
    if (code === QUOTE) return at > from ? at : -1;
    if (code <= SPACE || code > 126) return -1;
  }
  return -1;
}

/** The end of the plain value at `from` when `after` follows it, else -1. */
function valueThen(from: number, end: number, after: Uint8Array): number {
  const valueEnd = plainValueEnd(from, end);
  return valueEnd !== -1 && bytesAt(valueEnd, end, after) ? valueEnd : -1;
}

/** The end of a value that may be empty (`[^']*`) when `after` follows it, else -1. */
function maybeEmptyThen(from: number, end: number, after: Uint8Array): number {
  return bytesAt(from, end, after) ? from : valueThen(from, end, after);
}

/** Column `index` of the row, or undefined when the row has none (as `Row#field`). */
function field(text: string, count: number, index: number): string | undefined {
  return index < 0 || index >= count ? undefined : text.slice(starts[index], ends[index]);
}

/** Whether column `index` holds exactly `value`, compared in the bytes. */
function fieldIs(count: number, index: number, value: string): boolean {
  if (index < 0 || index >= count) return false;
  const start = starts[index] as number;
  if ((ends[index] as number) - start !== value.length) return false;
  const source = bytes;
  const base = start + delta;
  for (let at = 0; at < value.length; at++) if (source[base + at] !== value.charCodeAt(at)) return false;
  return true;
}

/** The layout the row's Service column names, for the two security audit logs that share one header. */
function resolvedName(name: LogLayoutName, count: number, columns: Columns): LogLayoutName {
  if (name === 'AuditSecurity_Repository' && fieldIs(count, columns.service, 'Proxy')) return 'AuditSecurity_Proxy';
  if (name === 'AuditSecurity_Proxy' && fieldIs(count, columns.service, 'Repository'))
    return 'AuditSecurity_Repository';
  return name;
}

/**
 * Reads the row `[start, end)` of `text` (a chunk's text, the row's line end left out; `source` holds its bytes,
 * the text starting at `textFrom`) where it lies, when it is one of the commonest session rows of a file with a
 * header: emits exactly the events `parseLogLine` would for the line and returns its outcome. For anything else it
 * returns undefined having emitted nothing, and the line goes to `parseLogLine`. No line string, row object or cut
 * message is made: on a busy proxy's logs they were most of the parser's time. The caller makes sure the row needs
 * nothing `normalizePastedLine` would change inside it (ASCII, no `&`, no code fence); this checks its ends.
 */
export function readRowInPlace(
  source: Uint8Array,
  textFrom: number,
  text: string,
  start: number,
  end: number,
  context: LineContext,
  emit: EmitEvent,
): LineOutcome | undefined {
  const header = context.header;
  if (header === null) return undefined;
  bytes = source;
  delta = textFrom;
  names = context.names ??= new InternedNames();
  const first = source[start + textFrom] as number;
  if (first < DIGIT_0 || first > DIGIT_9 || source[end - 1 + textFrom] === SPACE) return undefined;
  const size = header.columns.size;
  if (size > starts.length) return undefined;
  let count = 0;
  let from = start;
  // TABs by the string's own search: a byte loop in JavaScript cost several times as much.
  for (let tab = text.indexOf('\t', start); tab !== -1 && tab < end; tab = text.indexOf('\t', tab + 1)) {
    if (count === size - 1) return undefined;
    starts[count] = from;
    ends[count++] = tab;
    from = tab + 1;
  }
  starts[count] = from;
  ends[count++] = end;
  if (count !== size) return undefined;
  const columns = columnsOf(header);
  const name = resolvedName(header.name, count, columns);
  if (columns.serviceUser >= 0 && columns.serviceUser < count) {
    const lastServiceUser = context.lastServiceUser;
    // A ServiceUser other than the last one passed on is an event of its own: `parseLogLine` gives it.
    if (lastServiceUser === null || !fieldIs(count, columns.serviceUser, lastServiceUser)) {
      const serviceUser = field(text, count, columns.serviceUser) as string;
      if (serviceUser !== lastServiceUser && serviceUser.includes('\\')) return undefined;
    }
  }
  if (name === 'System_Proxy') {
    // Its rows say nothing but a proxy stop or start (every wording `parseLogLine` knows holds `roxy`: it reads
    // those) and a new ServiceUser (left to it above).
    const message = columns.message;
    if (message < 0 || message >= count) return undefined;
    return text.slice(starts[message], ends[message]).includes('roxy') ? undefined : null;
  }
  if (name === 'AuditActivity_Proxy' || name === 'AuditSecurity_Proxy' || name === 'AuditSecurity_Repository') {
    const description = columns.description;
    if (
      description >= 0 &&
      description < count &&
      isSkippedCommandAt(text, starts[description] as number, ends[description] as number)
    )
      return null;
  } else if (name !== 'Audit_Proxy' && name !== 'License_Repository') return undefined;
  const message = columns.message;
  if (message < 0 || message >= count) return undefined;
  const at = timeOf(text, count, columns);
  return fromTemplate(text, starts[message] as number, ends[message] as number, count, columns, at, emit)
    ? name
    : undefined;
}

function timeOf(text: string, count: number, columns: Columns): number {
  const column = columns.timestamp;
  if (column < 0 || column >= count) return Number.NaN;
  const start = starts[column] as number;
  return (ends[column] as number) - start < 20 ? Number.NaN : parseQlikTimestamp(text, start);
}

/** Reads the message `[from, end)` of the row as one template: its events emitted and true, or false and none. */
type TemplateReader = (
  text: string,
  from: number,
  end: number,
  count: number,
  columns: Columns,
  at: number,
  emit: EmitEvent,
) => boolean;

/** The events of the message `[from, end)` when it is one of the templates; false (nothing emitted) if not. */
const fromTemplate: TemplateReader = (text, from, end, count, columns, at, emit) => {
  const facts = columns.facts;
  if (bytesAt(from, end, LOGIN)) {
    const userStart = from + LOGIN.length;
    const userEnd = valueThen(userStart, end, LOGIN_METHOD);
    if (userEnd === -1) return false;
    const methodEnd = maybeEmptyThen(userEnd + LOGIN_METHOD.length, end, LOGIN_SESSION);
    if (methodEnd === -1) return false;
    const sessionStart = methodEnd + LOGIN_SESSION.length;
    if (plainValueEnd(sessionStart, end) !== end - 1) return false;
    emit({
      kind: 'session-opened',
      at,
      user: names.of(text, userStart, userEnd),
      sessionId: text.slice(sessionStart, end - 1),
      via: 'login',
      client: orNull(field(text, count, facts.client)),
      context: orNull(field(text, count, facts.context)),
      node: nameIn(text, count, facts.node),
    });
    return true;
  }
  if (bytesAt(from, end, GOT)) {
    const userStart = from + GOT.length;
    const userEnd = valueThen(userStart, end, GOT_METHOD);
    if (userEnd === -1) return false;
    const methodEnd = maybeEmptyThen(userEnd + GOT_METHOD.length, end, GOT_SESSION);
    if (methodEnd === -1) return false;
    const sessionStart = methodEnd + GOT_SESSION.length;
    if (plainValueEnd(sessionStart, end) !== end - 1) return false;
    emit({
      kind: 'session-opened',
      at,
      user: hasBackslash(userStart, userEnd) ? names.of(text, userStart, userEnd) : userOfRow(count, text, columns),
      sessionId: text.slice(sessionStart, end - 1),
      via: 'got-session',
      client: orNull(field(text, count, facts.client)),
      context: null,
      node: nameIn(text, count, facts.node),
    });
    return true;
  }
  if (bytesAt(from, end, DEPENDENTS)) return dependentsDeletedFrom(text, from, end, count, columns, at, emit);
  if (bytesAt(from, end, TIMEOUT)) {
    // `Session (\S+) has been deleted due to inactivity`, the id plain and nothing after the wording.
    const idStart = from + TIMEOUT.length;
    const idEnd = end - TIMEOUT_TAIL.length;
    if (idEnd <= idStart || !bytesAt(idEnd, end, TIMEOUT_TAIL) || !isPlain(idStart, idEnd)) return false;
    emit({
      kind: 'session-closed',
      at,
      user: userOfRow(count, text, columns),
      sessionId: text.slice(idStart, idEnd),
      via: 'timeout',
    });
    return true;
  }
  if (bytesAt(from, end, START)) {
    // `Start session for user` is the first wording `parseLogLine` looks for: what follows the user changes nothing.
    const userStart = from + START.length;
    let quote = userStart;
    const source = bytes;
    while (quote < end && source[quote + delta] !== QUOTE) quote++;
    if (quote === userStart || quote === end) return false;
    emit({
      kind: 'session-opened',
      at,
      user: names.of(text, userStart, quote),
      sessionId: sessionIdOf(field(text, count, facts.session)),
      via: 'start',
      client: orNull(field(text, count, facts.client)),
      context: null,
      node: nameIn(text, count, facts.node),
    });
    return true;
  }
  if (bytesAt(from, end, STOP)) {
    const userStart = from + STOP.length;
    const userEnd = valueThen(userStart, end, STOP_SESSION);
    if (userEnd === -1) return false;
    const sessionStart = userEnd + STOP_SESSION.length;
    const sessionEnd = plainValueEnd(sessionStart, end);
    if (
      sessionEnd === -1 ||
      !STOP_TAILS.some((tail) => end - sessionEnd === tail.length && bytesAt(sessionEnd, end, tail))
    )
      return false;
    emit({
      kind: 'session-closed',
      at,
      user: names.of(text, userStart, userEnd),
      sessionId: text.slice(sessionStart, sessionEnd),
      via: 'stop',
    });
    return true;
  }
  if (bytesAt(from, end, OPENED)) return userAgentFrom(text, from, end, count, columns, at, emit);
  if (bytesAt(from, end, APP_ACCESS)) return appAllowedFrom(text, from, end, count, columns, at, emit);
  if (bytesAt(from, end, USAGE_ID)) return traceGrantedFrom(text, from, end, count, columns, at, emit);
  return grantedFrom(text, from, end, count, columns, at, emit);
};

/** A session ended with its dependents (see DEPENDENTS), the id plain and maybe quoted: the user its columns name. */
const dependentsDeletedFrom: TemplateReader = (text, from, end, count, columns, at, emit) => {
  const quoted = bytes[from + DEPENDENTS.length + delta] === QUOTE;
  const idStart = from + DEPENDENTS.length + (quoted ? 1 : 0);
  const idEnd = end - DEPENDENTS_TAIL.length - (quoted ? 1 : 0);
  if (idEnd <= idStart || !bytesAt(end - DEPENDENTS_TAIL.length, end, DEPENDENTS_TAIL) || !isPlain(idStart, idEnd))
    return false;
  if (quoted && bytes[idEnd + delta] !== QUOTE) return false;
  const sessionId = text.slice(idStart, idEnd);
  // `SessionID`, having no space, may be in the id: the parser then reads the line as a licence line.
  if (sessionId.includes('SessionID')) return false;
  emit({ kind: 'session-closed', at, user: userOfRow(count, text, columns), sessionId, via: 'stop' });
  return true;
};

/** A browser's line (see OPENED): the user its columns name, the session and the browser. */
const userAgentFrom: TemplateReader = (text, from, end, count, columns, at, emit) => {
  const idStart = from + OPENED.length;
  const idEnd = valueThen(idStart, end, APP_ID);
  if (idEnd === -1) return false;
  const appEnd = valueThen(idEnd + APP_ID.length, end, USER_AGENT);
  if (appEnd === -1) return false;
  // The browser runs to the message's last character, a quote, and holds none itself (it may be empty).
  const agentStart = appEnd + USER_AGENT.length;
  const agentEnd = end - 1;
  if (agentEnd < agentStart || bytes[agentEnd + delta] !== QUOTE) return false;
  for (let index = agentStart; index < agentEnd; index++) if (bytes[index + delta] === QUOTE) return false;
  const message = text.slice(from, end);
  if (READ_BEFORE_USER_AGENT.some((wording) => message.includes(wording))) return false;
  emit({
    kind: 'user-agent',
    at,
    user: userOfRow(count, text, columns),
    sessionId: text.slice(idStart, idEnd),
    userAgent: text.slice(agentStart, agentEnd),
  });
  return true;
};

/** A licence granted (see GRANTED_FOR), after a word naming the access type: the user, session and count it says. */
const grantedFrom: TemplateReader = (text, from, end, count, columns, at, emit) => {
  let wordEnd = from;
  while (wordEnd < end && isLetterCode(bytes[wordEnd + delta] as number)) wordEnd++;
  if (wordEnd === from || !bytesAt(wordEnd, end, GRANTED_FOR)) return false;
  const userStart = wordEnd + GRANTED_FOR.length;
  const userEnd = valueThen(userStart, end, WITH_USAGE);
  if (userEnd === -1) return false;
  const usageEnd = maybeEmptyThen(userEnd + WITH_USAGE.length, end, GRANTED_SESSION);
  if (usageEnd === -1) return false;
  const sessionStart = usageEnd + GRANTED_SESSION.length;
  const sessionEnd = valueThen(sessionStart, end, SESSION_COUNT);
  if (sessionEnd === -1) return false;
  const countStart = sessionEnd + SESSION_COUNT.length;
  const countEnd = digitsEnd(countStart, end);
  if (countEnd === countStart || bytes[countEnd + delta] !== QUOTE || countEnd >= end) return false;
  // What may follow, all of it plain values: the address the parser takes, then the operation it passes over.
  let rest = countEnd + 1;
  let client: string | null = null;
  if (bytesAt(rest, end, HOSTNAME)) {
    const hostEnd = hostnameEnd(rest, end);
    if (hostEnd === -1) return false;
    client = orNull(text.slice(rest + HOSTNAME.length, hostEnd));
    rest = hostEnd + 1;
  }
  if (bytesAt(rest, end, OPERATION)) {
    if (plainValueEnd(rest + OPERATION.length, end) !== end - 1) return false;
  } else if (rest !== end) return false;
  emit({
    kind: 'license-granted',
    at,
    user: names.of(text, userStart, userEnd),
    sessionId: text.slice(sessionStart, sessionEnd),
    sessionCount: Number(text.slice(countStart, countEnd)),
    client: client ?? orNull(field(text, count, columns.facts.client)),
  });
  return true;
};

/** Where the address of `, Hostname: '<address>'` at `at` ends (its closing quote; plain, maybe empty), or -1. */
function hostnameEnd(at: number, end: number): number {
  return maybeEmptyThen(at + HOSTNAME.length, end, QUOTE_ONLY);
}

/** The end of the run of digits from `from`, before `end`. */
function digitsEnd(from: number, end: number): number {
  let at = from;
  while (at < end && (bytes[at + delta] as number) >= DIGIT_0 && (bytes[at + delta] as number) <= DIGIT_9) at++;
  return at;
}

/** The end of the run of printable ASCII without a space from `from` (a value written without quotes), before `end`. */
function unquotedEnd(from: number, end: number): number {
  let at = from;
  while (at < end && (bytes[at + delta] as number) > SPACE && (bytes[at + delta] as number) <= 126) at++;
  return at;
}

/** License_Repository's grant (see USAGE_ID): for the user of its UserName column. */
const traceGrantedFrom: TemplateReader = (text, from, end, count, columns, at, emit) => {
  // `UsageID: \S+, SessionID: ` in the parser's pattern: the id runs to the first space, its last character the comma.
  const usageStart = from + USAGE_ID.length;
  const usageSpace = unquotedEnd(usageStart, end);
  const usageEnd = usageSpace - 1;
  if (usageEnd <= usageStart || !bytesAt(usageEnd, end, TRACE_SESSION)) return false;
  // `([^,\s]+), SessionCount: (\d+)`, then maybe `, Hostname: '...'` and nothing else.
  const sessionStart = usageEnd + TRACE_SESSION.length;
  let sessionEnd = sessionStart;
  while (sessionEnd < end && bytes[sessionEnd + delta] !== 44 /* , */ && (bytes[sessionEnd + delta] as number) > SPACE)
    sessionEnd++;
  if (sessionEnd === sessionStart || !bytesAt(sessionEnd, end, TRACE_COUNT)) return false;
  const countStart = sessionEnd + TRACE_COUNT.length;
  const countEnd = digitsEnd(countStart, end);
  if (countEnd === countStart) return false;
  let client: string | null = null;
  if (countEnd !== end) {
    if (!bytesAt(countEnd, end, HOSTNAME) || hostnameEnd(countEnd, end) !== end - 1) return false;
    client = orNull(text.slice(countEnd + HOSTNAME.length, end - 1));
  }
  // The values hold no space, so no wording the parser looks for first; `SessionID` keeps the line a licence line.
  const user = userOfRow(count, text, columns);
  if (user === null) return false;
  emit({
    kind: 'license-granted',
    at,
    user,
    sessionId: text.slice(sessionStart, sessionEnd),
    sessionCount: Number(text.slice(countStart, countEnd)),
    client: client ?? orNull(field(text, count, columns.facts.client)),
  });
  return true;
};

function isLetterCode(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** `[A-Za-z0-9_]`, a character of the regex class `\w`. */
function isWordCode(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

/** An app opened under a licence (see APP_ACCESS): an allocation for the user its columns name. */
const appAllowedFrom: TemplateReader = (text, from, end, count, columns, at, emit) => {
  const appEnd = maybeEmptyThen(from + APP_ACCESS.length, end, ALLOWED_WITH);
  if (appEnd === -1) return false;
  const typeStart = appEnd + ALLOWED_WITH.length;
  let typeEnd = typeStart;
  while (typeEnd < end && isWordCode(bytes[typeEnd + delta] as number)) typeEnd++;
  if (typeEnd === typeStart || !bytesAt(typeEnd, end, RESULT_CODE)) return false;
  if (plainValueEnd(typeEnd + RESULT_CODE.length, end) !== end - 1) return false;
  // The parser reads the line only when it holds `AccessType` (the type's name does, nearly always), and reads it
  // as another licence line when it holds `SessionID` (which, having no space, may be in any value).
  const message = text.slice(from, end);
  if (!message.includes('AccessType') || message.includes('SessionID')) return false;
  const user = userOfRow(count, text, columns);
  if (user === null) return false;
  emit({ kind: 'license-allocated', at, user });
  return true;
};

/** Whether `[from, end)` is printable ASCII without a space or a quote. */
function isPlain(from: number, end: number): boolean {
  const source = bytes;
  for (let at = from + delta, stop = end + delta; at < stop; at++) {
    const code = source[at] as number;
    if (code <= SPACE || code > 126 || code === QUOTE) return false;
  }
  return true;
}

function hasBackslash(from: number, end: number): boolean {
  const source = bytes;
  for (let at = from + delta, stop = end + delta; at < stop; at++) if (source[at] === BACKSLASH) return true;
  return false;
}

/** Column `index` as an interned name, or null when the row has no such column or it is empty (as `orNull`). */
function nameIn(text: string, count: number, index: number): string | null {
  if (index < 0 || index >= count) return null;
  const start = starts[index] as number;
  const end = ends[index] as number;
  return start === end ? null : names.of(text, start, end);
}

/** The user the row's own columns name (as `LazyRowFacts#user`), interned. */
function userOfRow(count: number, text: string, columns: Columns): string | null {
  const { userName, directory, id } = columns.facts;
  if (userName >= 0) return nameIn(text, count, userName);
  // `userOf`: both columns there and not empty; an id that holds its directory is the user as it is.
  if (directory < 0 || directory >= count || id < 0 || id >= count) return null;
  const directoryStart = starts[directory] as number;
  const directoryEnd = ends[directory] as number;
  const idStart = starts[id] as number;
  const idEnd = ends[id] as number;
  if (directoryStart === directoryEnd || idStart === idEnd) return null;
  if (hasBackslash(idStart, idEnd)) return names.of(text, idStart, idEnd);
  return names.joined(text, directoryStart, directoryEnd, idStart, idEnd);
}
