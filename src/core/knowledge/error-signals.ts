import { canonicalWord } from './message-words.js';
import { normalizeMessage } from './normalize-message.js';

/** What in a message shows that someone hit (or quotes) one of the hub errors. */
export const ERROR_SIGNAL_CODES = [
  'parallel-sessions-error',
  'max-parallel-push',
  'no-access-pass-error',
  'session-count-log',
  'too-many-sessions',
  'parallel-sessions-report',
  'denied-at-limit',
] as const;
export type ErrorSignalCode = (typeof ERROR_SIGNAL_CODES)[number];

/** Close neighbours that look like the session limit but are something else; they keep paraphrases quiet. */
export const GUARD_CODES = [
  'qlikview-cal',
  'qlik-core-engine',
  'login-access-pass',
  'other-product',
  'account-lockout',
  'event-sessions',
  'hypothetical-question',
  'other-error',
  'foreign-error',
] as const;
export type GuardCode = (typeof GUARD_CODES)[number];

export interface ErrorSignal {
  readonly code: ErrorSignalCode;
  /** The entry that explains this error; the cause the message names goes before it. */
  readonly topic: string;
  /** The words that decided, for `ask --explain`. */
  readonly evidence: string;
  /** Entries this signal points at, with how much it adds to their score. */
  readonly boosts: Readonly<Record<string, number>>;
}

export interface ErrorSignals {
  readonly signals: readonly ErrorSignal[];
  /** Indexes of the words that are a quoted hub error: they decide whether to answer, the other words what. */
  readonly quoted: ReadonlySet<number>;
  readonly guards: readonly GuardCode[];
  /** Paraphrase signals that a guard overruled. */
  readonly overruled: readonly ErrorSignalCode[];
  /** Whether the message names Qlik Sense or one of its parts (hub, QMC, proxy...). */
  readonly qlikContext: boolean;
}

const BOOSTS: Readonly<Record<ErrorSignalCode, Readonly<Record<string, number>>>> = {
  'parallel-sessions-error': { 'five-session-limit': 12 },
  'max-parallel-push': { 'five-session-limit': 10, 'api-automation-sessions': 6 },
  'no-access-pass-error': { 'no-access-pass-message': 12, 'no-license-assigned': 8 },
  'session-count-log': { 'five-session-limit': 10, 'count-sessions': 4 },
  'too-many-sessions': { 'five-session-limit': 8 },
  'parallel-sessions-report': { 'five-session-limit': 8 },
  'denied-at-limit': { 'five-session-limit': 8 },
};

const TOPICS: Readonly<Record<ErrorSignalCode, string>> = {
  'parallel-sessions-error': 'five-session-limit',
  'max-parallel-push': 'five-session-limit',
  'no-access-pass-error': 'no-access-pass-message',
  'session-count-log': 'five-session-limit',
  'too-many-sessions': 'five-session-limit',
  'parallel-sessions-report': 'five-session-limit',
  'denied-at-limit': 'five-session-limit',
};

// Quotes of the error itself are never overruled; only paraphrases and reports are.
const PARAPHRASES: ReadonlySet<ErrorSignalCode> = new Set([
  'too-many-sessions',
  'parallel-sessions-report',
  'denied-at-limit',
]);

const QLIK_CONTEXT = new Set([
  'qlik',
  'hub',
  'qmc',
  'qps',
  'qrs',
  'proxy',
  'enigma',
  'mashup',
  'qseow',
  'analyzer',
  'professional',
]);
// Not "user" or "attempt": "5 users were denied the stream" and "5 failed attempts" are other problems.
// Written as people write them, read as canonical stems ("message" arrives as "messag", "kicked" as "kick").
const stems = (words: readonly string[]): ReadonlySet<string> => new Set(words.map(canonicalWord));
const SESSIONISH = stems(['session', 'login', 'connect', 'device', 'browser', 'tab', 'authentication']);
const DENY_WORDS = new Set(['deny', 'fail', 'error', 'unable', 'kick', 'exceed', 'reach', 'hit', 'lock']);
const FIRST_PERSON = new Set(['i', 'we', 'my', 'our', 'me', 'us', 'im', 'ive']);
const REPORT_WORDS = stems([
  ...FIRST_PERSON,
  'error',
  'get',
  'got',
  'keep',
  'message',
  'see',
  'say',
  'show',
  'receiv',
  'popup',
  'deny',
]);
const TOO_MANY_SESSIONS_LITERAL = /\btoo many (?:[a-z]+ ){0,2}ses+io?ns?\b/;
// The error's own words, as people shorten it ("the parallel sessions message"); not "concurrent connections", a database's.
const PARALLEL_SESSIONS_LITERAL = /\bparal+el+ ses+io?ns?\b/;
const EVENT_WORDS = stems(['webinar', 'conference', 'attend', 'agenda', 'speaker', 'keynote', 'breakout', 'summit']);
// "parallel tracks", "workshops": an event's only beside another event word ("keep track", "track down" are not).
const EVENT_HINTS = stems(['track', 'workshop']);
// Failed or expired passwords lock accounts; "after I changed my password" alone locks nobody out.
const PASSWORD_TROUBLE = stems(['lock', 'attempt', 'wrong', 'incorrect', 'invalid', 'expired', 'fail', 'reset']);
const ERROR_WORDS = stems(['error', 'message', 'popup', 'warn', 'warning', 'deny', 'kick', 'fail']);
// Yes/no and conditional questions ask about the limit; "why/how come ... denied" usually reports it.
const QUESTION_OPENERS = new Set(['is', 'are', 'does', 'do', 'will', 'would', 'can', 'could', 'should', 'if']);
// Where Qlik Sense runs (a Citrix farm, a VMware desktop, remote desktop, a VPN), each with session limits of its own:
// with a Qlik word the message is still Qlik's.
const HOSTING_PRODUCTS: ReadonlySet<string> = new Set(
  'citrix vmware horizon rdp rds vpn'.split(' ').map(canonicalWord),
);
// Other products, and databases whose own connection limits show up in reload logs.
// Canonical forms, as the words arrive stemmed ("Oracle" -> "oracl"); "ora" is Oracle's error prefix (ORA-00018).
const OTHER_PRODUCTS: ReadonlySet<string> = new Set(
  (
    'tableau powerbi looker spotfire cognos microstrategy sisense sap salesforce servicenow workday jira confluence ' +
    'gitlab zoom webex teamviewer ' +
    'mysql postgres postgresql oracle ora mssql sql odbc oledb jdbc database snowflake redshift bigquery databricks teradata mongodb'
  )
    .split(' ')
    .map(canonicalWord),
);

function indexesOf(words: readonly string[], word: string): number[] {
  return words.flatMap((candidate, index) => (candidate === word ? [index] : []));
}

/** Whether `sequence` occurs in `words` as consecutive words. */
function hasSequence(words: readonly string[], sequence: readonly string[]): boolean {
  return words.some((_, start) => sequence.every((word, offset) => words[start + offset] === word));
}

/** Whether some word of `a` and some word of `b` are at most `window` words apart. */
function near(
  words: readonly string[],
  a: ReadonlySet<string> | string,
  b: ReadonlySet<string> | string,
  window: number,
): boolean {
  const has = (set: ReadonlySet<string> | string, word: string) =>
    typeof set === 'string' ? set === word : set.has(word);
  const left = words.flatMap((word, index) => (has(a, word) ? [index] : []));
  const right = words.flatMap((word, index) => (has(b, word) ? [index] : []));
  return left.some((i) => right.some((j) => i !== j && Math.abs(i - j) <= window));
}

/** "too many ... sessions ... parallel" in a short stretch, in any order. */
// "to many" is the commonest misspelling of the error.
const tooManyAt = (words: readonly string[]) =>
  [...indexesOf(words, 'too'), ...indexesOf(words, 'to')].filter((too) => words[too + 1] === 'many');

// The hub's opening words, quoted before either error: part of the quote, not of what the person adds.
const HUB_OPENING = ['you', 'can', 'not', 'access', 'qlik', 'because', 'you', 'have'];

/** Widens a quote to the hub's opening words just before it ("You cannot access Qlik Sense because you have ..."). */
function withOpening(words: readonly string[], start: number): number {
  for (let from = Math.max(0, start - HUB_OPENING.length); from < start; from++) {
    const before = words.slice(from, start);
    if (
      before.length > 0 &&
      before.every((word, offset) => word === HUB_OPENING[HUB_OPENING.length - before.length + offset])
    )
      return from;
  }
  return start;
}

/** "too many ... sessions ... parallel" in a short stretch, in any order: the indexes of the quote, or null. */
function parallelErrorQuote(words: readonly string[]): readonly [number, number] | null {
  for (const too of tooManyAt(words)) {
    const from = Math.max(0, too - 6);
    const stretch = words.slice(from, too + 9);
    if (!stretch.includes('session') || !stretch.includes('parallel')) continue;
    const parts = stretch.flatMap((word, index) =>
      ['session', 'parallel', 'activ', 'active'].includes(word) ? [from + index] : [],
    );
    const start = Math.min(too, ...parts);
    return [withOpening(words, start), Math.max(too + 1, ...parts) + 1];
  }
  return null;
}

/** The repository's denial line, "Access was denied for User: ... SessionCount: '5' ... OperationType: 'UsageDenied'". */
function denialLineQuote(words: readonly string[]): readonly [number, number] {
  const count = words.findIndex((word, index) => word === 'count' && words[index - 1] === 'session');
  const accessBefore = words.lastIndexOf('access', count);
  const start = accessBefore >= 0 && count - accessBefore <= 30 ? accessBefore : Math.max(0, count - 1);
  const usage = words.findIndex((word, index) => index > count && word === 'usage' && words[index + 1] === 'deny');
  const end = usage >= 0 && usage - count <= 30 ? usage + 2 : count + 2;
  return [start, end];
}

/** The error's own words in a paraphrase ("too many active sessions", "the parallel sessions message"): word spans. */
function errorWordSpans(words: readonly string[]): (readonly [number, number])[] {
  const spans: (readonly [number, number])[] = [];
  for (const too of tooManyAt(words)) {
    const session = words.findIndex((word, index) => index >= too + 2 && index <= too + 4 && word === 'session');
    if (session < 0) continue;
    // "... active in parallel" after it is the hub's wording too.
    let end = session + 1;
    while (['activ', 'active', 'in', 'parallel'].includes(words[end] ?? '') && end < session + 4) end++;
    spans.push([too, end]);
  }
  words.forEach((word, index) => {
    if (word === 'parallel' && words[index + 1] === 'session') spans.push([index, index + 2]);
  });
  return spans;
}

// How a websocket client tells of the push message ("websocket closed with event ..."): the error's channel, not a cause.
const PUSH_LEAD_WORDS: ReadonlySet<string> = new Set(['websocket', 'socket', 'clos', 'with', 'event', 'receiv', 'the']);

/** OnMaxParallelSessionsExceeded as words ("on maximum parallel session exceed") and the words that lead to it. */
function pushMessageQuote(words: readonly string[]): readonly [number, number] | null {
  const at = words.findIndex(
    (word, index) => word === 'maximum' && words[index + 1] === 'parallel' && words[index + 2] === 'session',
  );
  if (at < 0 || words[at + 3] !== 'exceed') return null;
  let from = words[at - 1] === 'on' ? at - 1 : at;
  while (from > 0 && from > at - 6 && PUSH_LEAD_WORDS.has(words[from - 1] ?? '')) from--;
  return [from, at + 4];
}

function tooManySessions(words: readonly string[]): boolean {
  return tooManyAt(words).some((too) => words.slice(too + 2, too + 5).includes('session'));
}

// The German hub ("Sie haben zu viele parallel aktive Sitzungen"), matched loosely: we could not read Qlik's own German text.
const GERMAN_PARALLEL_ERROR =
  /\bzu viele?n? (?:[a-z]+ ){0,3}sitzungen\b|\bsitzungen (?:[a-z]+ ){0,2}(?:parallel|gleichzeitig) aktiv\b/;

function limitNotion(words: readonly string[]): boolean {
  return (
    near(words, new Set(['five', 'six']), SESSIONISH, 3) ||
    hasSequence(words, ['more', 'than', 'five']) ||
    near(words, new Set(['limit', 'maximum', 'exhaust']), new Set(['session', 'connect']), 4) ||
    // In one's own words: "the most sessions allowed", "more open sessions than I'm allowed", "used up all my sessions".
    near(words, new Set(['most', 'allow', 'permit']), 'session', 4) ||
    tooManySessions(words) ||
    PARALLEL_SESSIONS_LITERAL.test(words.join(' '))
  );
}

function denyNotion(words: readonly string[]): boolean {
  return (
    words.some((word) => DENY_WORDS.has(word)) ||
    hasSequence(words, ['can', 'not']) ||
    hasSequence(words, ['could', 'not']) ||
    hasSequence(words, ['not', 'able']) ||
    hasSequence(words, ['not', 'let'])
  );
}

// Someone telling what Qlik said to them: "it says", "keeps telling me", "the hub shows".
const TELLS = stems(['say', 'tell', 'show', 'message', 'popup', 'warn', 'warning']);

// Another error quoted by name: the message is about that error, whatever else it shares with ours.
// Failed sign-ins are theirs too: a bad JWT signature or a 401/403 is not a session limit.
const OTHER_ERRORS =
  /\b(?:field|table|file|path|variable|script|connection|app|object) (?:[a-z0-9]+ ){0,3}not found\b|\bsyntax error\b|\bscript error\b|\bout of memory\b|\bunexpected error\b|\binvalid (?:signature|token|jwt|certificate)\b|\b40[13]\b|\bunauthori[sz]ed\b/;

// An error quoted in quotation marks (an apostrophe inside a word does not open one).
const QUOTED_TEXT = /(?:^|[\s(:])["“'`]([^"“”'`]{6,120})["”'`](?=$|[\s.,;:!?)])/g;
// The hub's and the proxy's own messages, and the repository's denial line.
const OUR_ERRORS = /too many sessions? active|in paral+el+|no access pass|maxparallelsessions|session ?count/i;
const SESSION_LIMIT_WORDS = /\bsessions?\b|\bconcurrent\b|\blimit\b|\bmaximum\b/i;

/** A session-limit error quoted in words the hub never uses ("Concurrent session limit reached"): another system's. */
function quotesForeignSessionError(text: string): boolean {
  return [...text.matchAll(QUOTED_TEXT)].some((found) => {
    const inside = found[1] ?? '';
    return SESSION_LIMIT_WORDS.test(inside) && !OUR_ERRORS.test(inside.replace(/\s+/g, ' '));
  });
}

function guardsOf(words: readonly string[], text: string, qlik: boolean): GuardCode[] {
  const guards: GuardCode[] = [];
  // "Document timeout" is a QlikView server setting, like the Access Point and CALs.
  if (
    words.some((word) => ['qlikview', 'cal', 'qvs', 'qvw'].includes(word)) ||
    hasSequence(words, ['access', 'point']) ||
    hasSequence(words, ['document', 'timeout'])
  )
    guards.push('qlikview-cal');
  const engine = words.includes('engin') || words.includes('engine');
  if (
    hasSequence(words, ['qlik', 'core']) ||
    words.includes('docker') ||
    words.includes('container') ||
    (engine &&
      (near(words, new Set(['without', 'no', 'unlicens']), 'licens', 3) ||
        words.includes('unlicens') ||
        hasSequence(words, ['licens', 'key'])))
  ) {
    guards.push('qlik-core-engine');
  }
  if (hasSequence(words, ['login', 'access', 'pass']) || hasSequence(words, ['login', 'pass']))
    guards.push('login-access-pass');
  if (words.some((word) => OTHER_PRODUCTS.has(word)) || (!qlik && words.some((word) => HOSTING_PRODUCTS.has(word))))
    guards.push('other-product');
  if (OTHER_ERRORS.test(normalizeMessage(text))) guards.push('other-error');
  if (!qlik && quotesForeignSessionError(text)) guards.push('foreign-error');
  // Sessions of a conference or a webinar ("too many sessions in parallel tracks").
  const events = words.filter((word) => EVENT_WORDS.has(word) || EVENT_HINTS.has(word));
  if (events.some((word) => EVENT_WORDS.has(word)) || new Set(events).size >= 2) guards.push('event-sessions');
  if (
    (words.includes('password') && words.some((word) => PASSWORD_TROUBLE.has(word))) ||
    words.includes('lockout') ||
    (words.includes('lock') && words.includes('attempt'))
  )
    guards.push('account-lockout');
  const opener = words[0];
  if (
    text.includes('?') &&
    opener !== undefined &&
    QUESTION_OPENERS.has(opener) &&
    !words.some((word) => FIRST_PERSON.has(word))
  )
    guards.push('hypothetical-question');
  return guards;
}

/**
 * Reads a message for the hub errors: quoted ("too many sessions active in parallel" in any order and spelling,
 * OnMaxParallelSessionsExceeded, "no access pass", the SessionCount '5' log line) or reported (denied at the
 * limit of five). `words` are the canonical words of `text` (see messageWords).
 */
export function detectErrorSignals(text: string, words: readonly string[]): ErrorSignals {
  const found: { code: ErrorSignalCode; evidence: string }[] = [];
  const quoted = new Set<number>();
  const quote = (from: number, to: number) => {
    for (let index = from; index < to; index++) quoted.add(index);
  };
  const normalized = normalizeMessage(text);
  const compact = normalized.replace(/ /g, '');

  const parallelQuote = parallelErrorQuote(words);
  if (parallelQuote !== null) {
    found.push({ code: 'parallel-sessions-error', evidence: 'quotes "too many sessions active in parallel"' });
    quote(...parallelQuote);
  } else if (GERMAN_PARALLEL_ERROR.test(normalized)) {
    found.push({
      code: 'parallel-sessions-error',
      evidence: 'quotes the German hub: "zu viele parallel aktive Sitzungen"',
    });
  }
  if (
    compact.includes('onmaxparallelsessionsexceeded') ||
    compact.includes('sessionerrorlimitexceeded') ||
    hasSequence(words, ['maximum', 'parallel', 'session', 'exceed'])
  ) {
    found.push({ code: 'max-parallel-push', evidence: 'quotes OnMaxParallelSessionsExceeded' });
    const push = pushMessageQuote(words);
    if (push !== null) quote(...push);
  }
  // Not "cannot access Qlik Sense because": both hub errors start that way.
  const pass = words.findIndex(
    (word, index) => word === 'no' && words[index + 1] === 'access' && words[index + 2] === 'pass',
  );
  if (pass >= 0) {
    found.push({ code: 'no-access-pass-error', evidence: 'quotes "no access pass"' });
    quote(withOpening(words, pass), pass + 3);
  }
  // The repository's denial line names the count; "SessionCount: '5'" alone is that line, quoted short.
  if (/session ?count\W{0,4}5\b/i.test(text)) {
    found.push({ code: 'session-count-log', evidence: "quotes the SessionCount: '5' UsageDenied log line" });
    quote(...denialLineQuote(words));
  }
  const isQuoted = found.length > 0;
  const qlik =
    words.some((word) => QLIK_CONTEXT.has(word)) ||
    hasSequence(words, ['access', 'pass']) ||
    hasSequence(words, ['virtual', 'proxy']);
  if (!isQuoted && qlik && tooManySessions(words))
    found.push({ code: 'too-many-sessions', evidence: 'reports "too many sessions" in Qlik' });
  // Without a Qlik word, only the literal "sessions" (not "connections", a database's words) said as an error someone got.
  else if (
    !isQuoted &&
    TOO_MANY_SESSIONS_LITERAL.test(normalized.replace(/\bto many\b/g, 'too many')) &&
    words.some((word) => REPORT_WORDS.has(word))
  ) {
    found.push({ code: 'too-many-sessions', evidence: 'reports a "too many sessions" error' });
  }
  const opener = words[0];
  const asks = text.includes('?') && opener !== undefined && QUESTION_OPENERS.has(opener);
  const tells = words.some((word) => TELLS.has(word));
  if (
    !isQuoted &&
    !asks &&
    PARALLEL_SESSIONS_LITERAL.test(normalized) &&
    words.some((word) => ERROR_WORDS.has(word)) &&
    words.some((word) => REPORT_WORDS.has(word))
  ) {
    found.push({ code: 'parallel-sessions-report', evidence: 'reports the "parallel sessions" error' });
  } else if (!isQuoted && qlik && limitNotion(words) && (denyNotion(words) || (tells && !asks))) {
    found.push({ code: 'denied-at-limit', evidence: 'reports a refusal at the session limit' });
  }

  // Another product's message that happens to share our words ("SAP: too many sessions in parallel") is theirs, not Qlik's;
  // a conference's sessions are nobody's; only the hub's exact wording still counts then.
  const exact = /toomanysessionsactiveinparal|noaccesspass|onmaxparallelsessionsexceeded/.test(compact);
  // The hub's own words are Qlik context too: "citrix users: too many sessions active in parallel" is about Qlik on Citrix.
  const guards = guardsOf(words, text, qlik || exact);
  const overrulesAll =
    !exact &&
    // QlikView has session limits of its own: its messages are QlikView's unless Qlik Sense is named too.
    (((guards.includes('other-product') || guards.includes('qlikview-cal')) && !qlik) ||
      guards.includes('event-sessions') ||
      guards.includes('foreign-error'));
  const overruled =
    guards.length > 0
      ? found.filter((signal) => overrulesAll || PARAPHRASES.has(signal.code)).map((signal) => signal.code)
      : [];
  const signals = found
    .filter((signal) => !overruled.includes(signal.code))
    .map((signal) => ({ ...signal, topic: TOPICS[signal.code], boosts: BOOSTS[signal.code] }));
  // A paraphrase's "too many sessions" is the error too: what else the message says tells the cause.
  if (signals.some((signal) => PARAPHRASES.has(signal.code))) for (const span of errorWordSpans(words)) quote(...span);
  return { signals, quoted: signals.length > 0 ? quoted : new Set(), guards, overruled, qlikContext: qlik };
}
