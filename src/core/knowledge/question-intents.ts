/** What a question asks about sessions, when its words alone would not tell the entries apart. */
export const INTENT_CODES = ['limit-question', 'count-question'] as const;
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
  'count-question': { 'count-sessions': 6 },
};
// The same questions about Qlik Cloud have their own answer: it has no per-user limit.
const CLOUD_BOOSTS: Readonly<Record<IntentCode, Readonly<Record<string, number>>>> = {
  'limit-question': { 'qlik-cloud-sessions': 10, 'five-session-limit': 3 },
  'count-question': { 'qlik-cloud-sessions': 4, 'count-sessions': 3 },
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
const LOOK_WORDS = new Set(['see', 'list', 'check', 'show', 'find', 'view', 'count', 'monitor', 'which', 'tell', 'get']);

function atLeastFive(word: string): boolean {
  return word === 'five' || word === 'six' || (/^\d+$/.test(word) && Number(word) >= 5);
}

function sessionsWithin(words: readonly string[], from: number, to: number): boolean {
  return words.slice(Math.max(0, from), to).some((word) => SESSIONISH.has(word));
}

function howManyAt(words: readonly string[]): number[] {
  return words.flatMap((word, index) => (word === 'how' && words[index + 1] === 'many' ? [index] : []));
}

/**
 * Reads a message for what it asks about sessions: the limit itself ("how many sessions can a user have",
 * "maximum", "allowed", "increase the limit") or the sessions a user has now ("which sessions does she have open").
 * `words` are the canonical words (see messageWords).
 */
export function detectQuestionIntents(words: readonly string[]): QuestionIntent[] {
  if (!words.some((word) => SESSIONISH.has(word))) return [];
  const intents: QuestionIntent[] = [];
  const boosts = words.some((word) => CLOUD_WORDS.has(word)) ? CLOUD_BOOSTS : BOOSTS;
  const howMany = howManyAt(words).filter((index) => sessionsWithin(words, index + 2, index + 5));
  const limitWord = words.find((word) => LIMIT_WORDS.has(word) && word !== 'number');
  const changeWord = words.find((word) => CHANGE_WORDS.has(word));
  const modal = words.some((word) => MODALS.has(word)) || words.includes('per');
  // "more than five sessions" asks past the limit; "more than one session" only that there are several.
  const moreThan = words.some((word, index) => word === 'more' && words[index + 1] === 'than' && atLeastFive(words[index + 2] ?? ''));
  const asksLimit = limitWord !== undefined && (modal || words.includes('how') || words.includes('what'));
  const asksChange = changeWord !== undefined && words.some((word) => LIMIT_WORDS.has(word));
  if ((howMany.length > 0 && modal) || asksLimit || asksChange || moreThan) {
    // Plain words, not stems: the evidence is read by people in `ask --explain`.
    const evidence = howMany.length > 0 && modal ? 'how many sessions one may have' : moreThan ? 'more than five' : asksChange ? 'whether it can change' : 'the limit or maximum';
    intents.push({ code: 'limit-question', evidence: `asks about the limit itself: ${evidence}`, boosts: boosts['limit-question'] });
    return intents;
  }
  const present = words.some((word, index) => PRESENT_WORDS.has(word) || (['has', 'have'].includes(word) && words[index + 1] === 'open'));
  const looks = words.some((word) => LOOK_WORDS.has(word)) && present;
  if (howMany.length > 0 || looks) {
    intents.push({ code: 'count-question', evidence: 'asks which sessions a user has now', boosts: boosts['count-question'] });
  }
  return intents;
}
