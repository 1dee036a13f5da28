import { canonicalWord } from './message-words.js';

/** Session and licence questions that no entry answers: they get the pointer to help, not a neighbouring entry. */
export const UNCOVERED_CODES = [
  'size-limit',
  'other-limit',
  'one-session-per-user',
  'socket-closed',
  'login-pass-arithmetic',
  'other-session-limit',
] as const;
export type UncoveredCode = (typeof UNCOVERED_CODES)[number];

export interface UncoveredQuestion {
  readonly code: UncoveredCode;
  /** The words that decided, for `ask --explain`. */
  readonly evidence: string;
}

const canonical = (list: string) => new Set(list.split(' ').map(canonicalWord));
// What a proxy session is made of: without one of these, a limit or a quota is on something else.
const SESSION_WORDS = canonical('session sessions login logout connect device browser tab window incognito');
const SIZE_WORDS = canonical('gb mb tb size storage disk memory ram');
const LIMIT_WORDS = canonical('limit maximum parallel restrict exceed quota');
// What else people find limited: reloads, apps per stream, rows, requests ("the limit" alone is the session limit).
const OTHER_OBJECTS = canonical(
  'reload reloads task tasks app apps row rows stream request requests call calls job node',
);
const SOCKET_WORDS = canonical('websocket socket');
const CLOSE_WORDS = canonical('close closed closes drop dropped disconnect disconnected lost 1006');
// A dropped socket that speaks of the limit or of sessions left behind is ours after all.
const LIMIT_TOPIC_WORDS = canonical('limit maximum parallel five six many deny exceed leftover logout end reuse new');
const ONE_WORDS = new Set(['one', '1', 'single', 'singl']);
const RESTRICT_WORDS = canonical('limit restrict only allow enforce prevent');
const EACH_WORDS = canonical('per each time parallel account');
// Arithmetic of passes: hours, minutes, days, tokens, how many are used up.
const PASS_SUMS = canonical('hour hours minute minutes day days month token tokens consume consumed burn cost');

function hasSequence(words: readonly string[], sequence: readonly string[]): boolean {
  return words.some((_, start) => sequence.every((word, offset) => words[start + offset] === word));
}

/** "5 sessions", "five devices", "sixth login": the limit itself is named. */
function namesTheLimit(words: readonly string[]): boolean {
  return words.some(
    (word, index) =>
      (word === 'five' || word === 'six') &&
      words.slice(Math.max(0, index - 3), index + 4).some((near) => SESSION_WORDS.has(near)),
  );
}

// Asking for another number ("raise it to 10 sessions") is about Qlik's limit; stating one ("15 concurrent sessions") is not.
const CHANGE_WORDS = canonical('raise increase change set configure want need');

/** "15 concurrent sessions", "10 parallel sessions": a session limit of a number Qlik Sense does not have. */
function namesAnotherSessionLimit(words: readonly string[]): boolean {
  return words.some((word, index) => {
    if (!/^\d+$/.test(word) || Number(word) <= 6) return false;
    const next = words.slice(index + 1, index + 3);
    return next.includes('session') && (next.includes('parallel') || words[index + 1] === 'session');
  });
}

/**
 * Reads a question for a session or licence topic that none of the entries covers: a size quota, a limit on
 * something other than sessions, restricting users to one session, a dropped websocket, login access pass
 * arithmetic, another product's session limit (a number other than five, no word of Qlik). `words` are the
 * canonical words of the message (see messageWords); `qlik` whether it names Qlik Sense or one of its parts.
 */
export function detectUncoveredQuestions(words: readonly string[], qlik: boolean): UncoveredQuestion[] {
  const found: UncoveredQuestion[] = [];
  const sessions = words.some((word) => SESSION_WORDS.has(word));
  const perUser = hasSequence(words, ['per', 'user']) || hasSequence(words, ['each', 'user']);
  const limited = words.some((word) => LIMIT_WORDS.has(word));
  const sized = words.some((word) => SIZE_WORDS.has(word) || /^\d+(?:gb|mb|tb)$/.test(word));
  if (sized && !sessions) found.push({ code: 'size-limit', evidence: 'a size, storage or memory quota' });
  else if (limited && !sessions && !perUser && words.some((word) => OTHER_OBJECTS.has(word)) && !namesTheLimit(words))
    found.push({ code: 'other-limit', evidence: 'a limit on something other than sessions' });
  const one = words.some(
    (word, index) =>
      ONE_WORDS.has(word) &&
      words[index - 1] !== 'than' &&
      words.slice(Math.max(0, index - 3), index + 4).some((near) => SESSION_WORDS.has(near)),
  );
  if (
    one &&
    words.some((word) => RESTRICT_WORDS.has(word)) &&
    words.some((word) => EACH_WORDS.has(word)) &&
    !words.includes('or')
  )
    found.push({ code: 'one-session-per-user', evidence: 'restricting each user to a single session' });
  if (
    words.some((word) => SOCKET_WORDS.has(word)) &&
    words.some((word) => CLOSE_WORDS.has(word)) &&
    !words.some((word) => LIMIT_TOPIC_WORDS.has(word))
  )
    found.push({ code: 'socket-closed', evidence: 'a websocket that closes or drops' });
  if (
    (hasSequence(words, ['login', 'access', 'pass']) || hasSequence(words, ['login', 'pass'])) &&
    words.some((word) => PASS_SUMS.has(word)) &&
    !namesTheLimit(words)
  )
    found.push({ code: 'login-pass-arithmetic', evidence: 'how login access passes are used up' });
  if (
    !qlik &&
    namesAnotherSessionLimit(words) &&
    !namesTheLimit(words) &&
    !words.some((word) => CHANGE_WORDS.has(word))
  )
    found.push({ code: 'other-session-limit', evidence: "a session limit of another number: another product's" });
  return found;
}
