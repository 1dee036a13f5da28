/** What a question asks about sessions, when its words alone would not tell the entries apart. */
export const INTENT_CODES = [
  'limit-question',
  'limit-named',
  'count-question',
  'what-counts-question',
  'timeout-question',
  'internal-account',
  'monitoring-reload',
] as const;
export type IntentCode = (typeof INTENT_CODES)[number];

export interface QuestionIntent {
  readonly code: IntentCode;
  /** The words that decided, for `ask --explain`. */
  readonly evidence: string;
  /** Entries this intent points at, with how much it adds to their score (ranking only, never an auto-reply). */
  readonly boosts: Readonly<Record<string, number>>;
}

const BOOSTS: Readonly<Record<IntentCode, Readonly<Record<string, number>>>> = {
  'limit-question': { 'five-session-limit': 10 },
  'limit-named': { 'five-session-limit': 10 },
  'count-question': { 'count-sessions': 6 },
  'what-counts-question': { 'tabs-vs-browsers': 8, 'five-session-limit': 2 },
  'timeout-question': { 'count-sessions': 8 },
  'internal-account': { 'service-account-license': 10 },
  'monitoring-reload': { 'monitoring-app-reload': 8 },
};
/** Read in error reports too: who or what the message is about, not what it asks. */
export const CONTEXT_INTENTS: ReadonlySet<IntentCode> = new Set(['internal-account', 'monitoring-reload']);
// The same questions about Qlik Cloud have their own answer: it has no per-user limit.
const CLOUD_BOOSTS: Readonly<Record<IntentCode, Readonly<Record<string, number>>>> = {
  'limit-question': { 'qlik-cloud-sessions': 10, 'five-session-limit': 3 },
  'limit-named': { 'qlik-cloud-sessions': 10, 'five-session-limit': 3 },
  'count-question': { 'qlik-cloud-sessions': 4, 'count-sessions': 3 },
  'what-counts-question': { 'qlik-cloud-sessions': 4, 'tabs-vs-browsers': 4 },
  'timeout-question': { 'qlik-cloud-sessions': 10, 'count-sessions': 2 },
  'internal-account': { 'service-account-license': 10 },
  'monitoring-reload': { 'monitoring-app-reload': 8 },
};
const CLOUD_WORDS = new Set(['cloud', 'saas', 'tenant']);

const SESSIONISH = new Set(['session', 'login', 'connect']);
// Words that ask about the rule itself: how far one may go...
const LIMIT_WORDS = new Set(['limit', 'maximum', 'restrict', 'exceed', 'five', 'six', 'number']);
// ...and whether that can change ("is the number of sessions configurable"); alone they may be about a timeout.
const CHANGE_WORDS = new Set(['allow', 'permit', 'increas', 'configurabl', 'configur', 'chang']);
// "can a user have", "may", "allowed": capacity, not the present state.
const MODALS = new Set(['can', 'could', 'may', 'might', 'allow', 'possibl']);
// The present state of one user: "has right now", "currently", "which sessions are open".
const PRESENT_WORDS = new Set(['currently', 'current', 'now', 'active', 'live', 'still']);
const LOOK_WORDS = new Set([
  'see',
  'list',
  'check',
  'show',
  'find',
  'view',
  'count',
  'monitor',
  'which',
  'tell',
  'get',
  'who',
]);
// What adds a session: the QMC, a tab, another browser or device ("does the QMC count as a session?").
const COUNTED_THINGS = new Set([
  'qmc',
  'hub',
  'tab',
  'browser',
  'window',
  'incognito',
  'device',
  'machine',
  'laptop',
  'tablet',
  'phone',
  'monitor',
  'refresh',
]);
// Thrown out after a while: the inactivity timeout ("kicked out after 30 minutes", "logged out when idle").
const DROPPED_WORDS = new Set(['kick', 'logout', 'expir', 'disconnect', 'drop']);
const NEGATIONS = new Set(['never', 'not', 'no', 'without']);
const WHILE_WORDS = new Set(['minut', 'hour', 'idle', 'inactiv', 'inactivity', 'longer', 'shorter']);
// The Qlik internal accounts (INTERNAL\sa_scheduler, sa_repository, sa_api, sa_proxy, sa_engine): no interactive user.
const INTERNAL_ACCOUNTS = new Set(['scheduler', 'repository', 'api', 'proxy', 'engin', 'engine']);
const MONITORING_APPS = new Set(['monitoring', 'monitor']);
// Said to be licensed: then the licensed service account, not the reload, is the cause to fix first.
const LICENSED_WORDS = new Set(['licens', 'allocat', 'professional', 'analyzer', 'token']);

function atLeastFive(word: string): boolean {
  return word === 'five' || word === 'six' || (/^\d+$/.test(word) && Number(word) >= 5);
}

function sessionsWithin(words: readonly string[], from: number, to: number): boolean {
  return words.slice(Math.max(0, from), to).some((word) => SESSIONISH.has(word));
}

function howManyAt(words: readonly string[]): number[] {
  return words.flatMap((word, index) => (word === 'how' && words[index + 1] === 'many' ? [index] : []));
}

function asksWhatCounts(words: readonly string[]): boolean {
  if (!words.some((word) => COUNTED_THINGS.has(word))) return false;
  const counts =
    hasPair(words, 'count', 'as') ||
    hasPair(words, 'count', 'toward') ||
    hasPair(words, 'count', 'against') ||
    words.includes('exhaust') ||
    // "..., will Qlik count 2 sessions?": the question need not open the message.
    words.some(
      (word, index) =>
        ['will', 'would', 'does', 'do'].includes(word) && words.slice(index + 1, index + 4).includes('count'),
    ) ||
    (words.includes('one') && words.includes('or') && words.includes('two'));
  // "does an incognito window start a new session?", "how many sessions is one browser with 4 tabs?"
  const opener = words[0] ?? '';
  const yesNo =
    ['does', 'do', 'is', 'are', 'will', 'would', 'if'].includes(opener) &&
    words[1] !== 'there' &&
    words.some((word) => SESSIONISH.has(word)) &&
    words.some((word) => ['new', 'count', 'own', 'separat', 'extra', 'another', 'same'].includes(word));
  const howManyIs = words.some(
    (word, index) =>
      word === 'how' &&
      words[index + 1] === 'many' &&
      words[index + 2] === 'session' &&
      ['is', 'are'].includes(words[index + 3] ?? ''),
  );
  return counts || yesNo || howManyIs;
}

// Words that state a bound: "a maximum of five", "limited to five", "up to 5 sessions", "at most five".
const BOUND_WORDS = new Set(['limit', 'maximum', 'restrict', 'allow', 'permit', 'only', 'up', 'most']);

/** The limit told in one's own words: a bound and the number five, next to sessions ("capped at 5 connections"). */
function namesTheLimit(words: readonly string[]): boolean {
  return words.some(
    (word, index) =>
      word === 'five' &&
      words.slice(Math.max(0, index - 4), index + 5).some((near) => BOUND_WORDS.has(near)) &&
      sessionsWithin(words, index - 3, index + 4),
  );
}

function hasPair(words: readonly string[], first: string, second: string): boolean {
  return words.some((word, index) => word === first && words[index + 1] === second);
}

/** Who or what the message is about, read in questions and error reports alike. */
function contextIntents(
  words: readonly string[],
  boosts: Readonly<Record<IntentCode, Readonly<Record<string, number>>>>,
): QuestionIntent[] {
  const intents: QuestionIntent[] = [];
  const internal = words.some((word, index) => word === 'sa' && INTERNAL_ACCOUNTS.has(words[index + 1] ?? ''));
  if (internal || (words.includes('internal') && words.some((word) => word === 'account' || word === 'sa'))) {
    intents.push({
      code: 'internal-account',
      evidence: 'names an INTERNAL\\sa_* account of Qlik Sense',
      boosts: boosts['internal-account'],
    });
  }
  const monitoring = words.some((word) => MONITORING_APPS.has(word)) && words.includes('reload');
  if (monitoring && !words.some((word) => LICENSED_WORDS.has(word))) {
    intents.push({
      code: 'monitoring-reload',
      evidence: 'Monitoring-app reloads, no licence named',
      boosts: boosts['monitoring-reload'],
    });
  }
  return intents;
}

/**
 * Reads a message for what it asks about sessions: the limit itself ("how many sessions can a user have",
 * "maximum", "allowed", "increase the limit"), the sessions a user has now ("who is logged in right now"), what
 * counts as a session ("does the QMC count"), the inactivity timeout ("kicked out after 30 minutes"); and, in
 * reports too, the internal accounts and Monitoring-app reloads it is about. `words` are canonical (messageWords).
 * `reported` (an error is quoted) keeps only the intents that say who or what, not what is asked.
 */
export function detectQuestionIntents(words: readonly string[], reported = false): QuestionIntent[] {
  const boosts = words.some((word) => CLOUD_WORDS.has(word)) ? CLOUD_BOOSTS : BOOSTS;
  const context = contextIntents(words, boosts);
  if (reported) return context;
  return [...questionIntents(words, boosts), ...context];
}

/** What a question asks about the limit itself ("how many may I have", "can it change"), as evidence, or undefined. */
function limitAsked(words: readonly string[]): string | undefined {
  if (!words.some((word) => SESSIONISH.has(word))) return undefined;
  const howMany = howManyAt(words).filter((index) => sessionsWithin(words, index + 2, index + 5));
  const limitWord = words.find((word) => LIMIT_WORDS.has(word) && word !== 'number');
  const changeWord = words.find((word) => CHANGE_WORDS.has(word));
  const modal = words.some((word) => MODALS.has(word)) || words.includes('per');
  // "more than five sessions" asks past the limit; "more than one session" only that there are several.
  const moreThan = words.some(
    (word, index) => word === 'more' && words[index + 1] === 'than' && atLeastFive(words[index + 2] ?? ''),
  );
  const asksLimit = limitWord !== undefined && (modal || words.includes('how') || words.includes('what'));
  const asksChange = changeWord !== undefined && words.some((word) => LIMIT_WORDS.has(word));
  // Plain words, not stems: the evidence is read by people in `ask --explain`.
  if (howMany.length > 0 && modal) return 'how many sessions one may have';
  if (moreThan) return 'more than five';
  if (asksChange) return 'whether it can change';
  if (asksLimit) return 'the limit or maximum';
  return undefined;
}

// Who signed in, asked of the past ("which users logged in this week"): the proxy audit log answers it.
const WHO_WORDS = new Set(['who', 'which', 'everyone', 'everybody']);
const SEE_WORDS = new Set(['see', 'list', 'check', 'show', 'find', 'view', 'tell', 'get']);

function questionIntents(
  words: readonly string[],
  boosts: Readonly<Record<IntentCode, Readonly<Record<string, number>>>>,
): QuestionIntent[] {
  const asked = limitAsked(words);
  // Told, not asked: with no error reported, a message that names the limit of five is about the limit, whatever
  // script, tool or QMC it mentions on the way ("each app opens a session, and five is the most a user may hold").
  if (asked === undefined && namesTheLimit(words)) {
    return [{ code: 'limit-named', evidence: 'names the limit of five sessions', boosts: boosts['limit-named'] }];
  }
  if (asked !== undefined) {
    return [
      { code: 'limit-question', evidence: `asks about the limit itself: ${asked}`, boosts: boosts['limit-question'] },
    ];
  }
  if (asksWhatCounts(words)) {
    return [
      {
        code: 'what-counts-question',
        evidence: 'asks what counts as a session',
        boosts: boosts['what-counts-question'],
      },
    ];
  }
  // "never logs out", "doesn't log off": sessions left behind, not a timeout that threw someone out.
  const droppedAt = words.findIndex(
    (word, index) =>
      DROPPED_WORDS.has(word) && !words.slice(Math.max(0, index - 2), index).some((before) => NEGATIONS.has(before)),
  );
  const dropped = droppedAt >= 0 && words.some((word) => WHILE_WORDS.has(word));
  if (
    (dropped || (words.includes('timeout') && words.some((word) => SESSIONISH.has(word)))) &&
    !words.includes('five')
  ) {
    return [
      {
        code: 'timeout-question',
        evidence: 'asks why sessions end after a while: the inactivity timeout',
        boosts: boosts['timeout-question'],
      },
    ];
  }
  if (!words.some((word) => SESSIONISH.has(word))) return [];
  const howMany = howManyAt(words).filter((index) => sessionsWithin(words, index + 2, index + 5));
  const present = words.some(
    (word, index) => PRESENT_WORDS.has(word) || (['has', 'have'].includes(word) && words[index + 1] === 'open'),
  );
  const lookWord = words.some((word) => LOOK_WORDS.has(word));
  // Not "which login pass is better": a pass is a licence, not a sign-in.
  const signedIn =
    words.includes('login') &&
    !words.includes('pass') &&
    words.some((word) => WHO_WORDS.has(word)) &&
    words.some((word) => SEE_WORDS.has(word));
  if (howMany.length > 0 || (lookWord && (present || signedIn))) {
    return [
      { code: 'count-question', evidence: 'asks which sessions a user has now', boosts: boosts['count-question'] },
    ];
  }
  return [];
}
