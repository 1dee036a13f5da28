import { toPlainText } from '../text/index.js';
import { detectErrorSignals, type ErrorSignalCode, type GuardCode } from './error-signals.js';
import type { KnowledgeEntry } from './knowledge-entry.js';
import { contentTerms, isContentWord, messageTokens, messageWords, type MessageToken } from './message-words.js';
import { detectQuestionIntents, type IntentCode } from './question-intents.js';
import { detectUncoveredQuestions, type UncoveredCode } from './uncovered-questions.js';

export interface KnowledgeMatchItem {
  readonly id: string;
  readonly title: string;
  /** 0..1, rounded to two decimals; only the order is meaningful across messages. */
  readonly score: number;
}

export interface TermContribution {
  /** The canonical term (stemmed, synonyms joined), as the entries are indexed. */
  readonly term: string;
  /** The same term as the user wrote it. */
  readonly written: string;
  readonly weight: number;
}

export interface EntryExplanation {
  readonly id: string;
  readonly terms: readonly TermContribution[];
  readonly triggers: readonly string[];
  readonly signalBoost: number;
  /** What the message's own words give this entry (terms, triggers, question), apart from any quoted error. */
  readonly evidence: number;
  /**
   * With an error quoted or reported: what the message's words give this entry where they say more of it than of the
   * error's own entry (a word the error's entry explains as well, "maximum", "per user", names no cause). 0 without.
   */
  readonly causeEvidence: number;
  /** The cause the message names for a quoted error: ranked just above the entry that explains the error. */
  readonly causeOf?: string;
  /** What the question asks about (the limit, the sessions a user has now) adds this. */
  readonly intentBoost: number;
  /** Applied to everything but quoted errors: below 1 for another product's or an off-topic message. */
  readonly damping: number;
  readonly total: number;
}

/** Why the matcher decided as it did: the error signals, the guards, and the terms and triggers per entry. */
export interface MatchExplanation {
  readonly words: readonly string[];
  readonly signals: readonly { readonly code: ErrorSignalCode; readonly evidence: string }[];
  readonly guards: readonly GuardCode[];
  readonly overruled: readonly ErrorSignalCode[];
  readonly intents: readonly { readonly code: IntentCode; readonly evidence: string }[];
  /** A session or licence topic no entry covers (read only when no error is quoted): every entry is damped. */
  readonly uncovered: readonly { readonly code: UncoveredCode; readonly evidence: string }[];
  /** The words as the user wrote them, in the order of `words`. */
  readonly written: readonly string[];
  readonly entries: readonly EntryExplanation[];
}

export interface KnowledgeMatch {
  /** At most three, best first; empty when nothing fits. */
  readonly matches: readonly KnowledgeMatchItem[];
  /** Whether the bot would answer this text posted as a new message in a watched channel. */
  readonly autoReply: boolean;
  readonly explanation: MatchExplanation;
}

export interface KnowledgeBase {
  readonly entries: readonly KnowledgeEntry[];
  get(id: string): KnowledgeEntry | undefined;
  match(text: string): KnowledgeMatch;
}

// Only filler leaves a trigger: "how many sessions" must not shrink to "sessions", nor "no access pass" to "access pass".
const TRIGGER_FILLERS: ReadonlySet<string> = new Set([
  'a',
  'an',
  'the',
  'of',
  'to',
  'in',
  'on',
  'for',
  'is',
  'are',
  'be',
  'by',
  'with',
  'and',
  'or',
  'my',
  'your',
  'our',
  'its',
  'it',
  'this',
  'that',
  'as',
  'at',
]);
// Neighbouring pairs in prose are often accidental ("user line"); they refine, single words decide.
const PAIR_WEIGHT = 0.5;
const MAX_MATCHES = 3;
const RELATIVE_CUTOFF = 0.35;
const SCORE_SCALE = 12;
/** Below this score `match()` returns no entry at all: nothing in the knowledge base fits the text. */
export const MIN_MATCH_SCORE = 0.25;
/**
 * The score from which the bot should answer a question with the best entry; between MIN_MATCH_SCORE and this,
 * offer the matches as "might help" (or say "I don't know, see help"). Quoted errors score far above it.
 */
export const MIN_ANSWER_SCORE = 0.45;
// Messages about QlikView CALs, the unlicensed Qlik engine, other products, lockouts or conferences share our words, not our topic.
const OFF_TOPIC_GUARDS: ReadonlySet<GuardCode> = new Set([
  'qlikview-cal',
  'qlik-core-engine',
  'other-product',
  'account-lockout',
  'event-sessions',
  'foreign-error',
]);
const OFF_TOPIC_DAMPING = 0.15;
const UNANCHORED_DAMPING = 0.45;
// The entries' IDF cannot know that these fill every Qlik support thread ("the reload task failed for the app").
const BACKGROUND_TERMS: ReadonlySet<string> = new Set(
  'app user peopl fail error reload task open data server script file connector load sheet chart field table minut hour access deny log work run receiv community'.split(
    ' ',
  ),
);
const BACKGROUND_FACTOR = 0.4;

/** A (group) managed service account, gMSA: a Windows account type, not the Qlik service account's licence. */
function namesManagedServiceAccount(words: readonly string[]): boolean {
  return words.some(
    (word, index) =>
      word === 'msa' || (word === 'manag' && words[index + 1] === 'servic' && words[index + 2] === 'account'),
  );
}
// Words of our topic, sessions and licences and refusals: naming Qlik alone ("change the service account to a gMSA") is not enough.
const TOPIC_WORDS: ReadonlySet<string> = new Set(
  (
    'session connect licens pass allocat token limit maximum parallel five six exhaust deny kick logout login ' +
    'incognito mashup iframe embed enigma websocket jwt analyzer professional tenant saas qps monitoring'
  ).split(' '),
);
// A named cause goes first only with this much evidence beyond the error's own entry; "no access pass" has one usual
// cause, a missing licence.
const CAUSE_MIN: Readonly<Record<string, number>> = { 'five-session-limit': 6, 'no-access-pass-message': 3 };
// The causes each hub error has; counting and ending sessions say what to do, not why, so they follow the error's entry.
const CAUSES: Readonly<Record<string, readonly string[]>> = {
  'five-session-limit': [
    'tabs-vs-browsers',
    'service-account-license',
    'monitoring-app-reload',
    'api-automation-sessions',
    'mashup-iframe-sessions',
    'virtual-proxy-sessions',
    'disconnect-cookie-burst',
    'qlik-cloud-sessions',
  ],
  // Before June 2019 the limit itself showed "no access pass".
  'no-access-pass-message': ['no-license-assigned', 'five-session-limit'],
};
const K1 = 1.2;
const B = 0.6;
// How much each part of an entry counts: curated triggers and the title say most about what it answers.
const FIELD_WEIGHTS = { title: 3, triggers: 3, keywords: 2, text: 1 } as const;

/** An entry's score while ranking: mutable, since a named cause is moved up after all are scored. */
type ScoredEntry = { -readonly [K in keyof EntryExplanation]: EntryExplanation[K] } & { readonly triggerScore: number };

interface Trigger {
  readonly phrase: string;
  readonly words: readonly string[];
}

interface IndexedEntry {
  readonly entry: KnowledgeEntry;
  readonly frequencies: ReadonlyMap<string, number>;
  readonly length: number;
  readonly triggers: readonly Trigger[];
}

/** What the matcher indexes of one entry, as plain data: the build computes it once and ships it (start-up time). */
export interface EntryIndex {
  /** Canonical term and its field-weighted count. */
  readonly terms: readonly (readonly [string, number])[];
  readonly length: number;
  readonly triggers: readonly Trigger[];
}

function addTerms(into: Map<string, number>, text: string, weight: number): void {
  for (const term of contentTerms(messageWords(text))) into.set(term, (into.get(term) ?? 0) + weight);
}

/** The index of one entry: its canonical terms weighted by field, and its triggers as canonical words. */
export function indexKnowledgeEntry(entry: KnowledgeEntry): EntryIndex {
  const frequencies = new Map<string, number>();
  addTerms(frequencies, entry.title, FIELD_WEIGHTS.title);
  for (const trigger of entry.triggers) addTerms(frequencies, trigger, FIELD_WEIGHTS.triggers);
  for (const keyword of entry.keywords) addTerms(frequencies, keyword, FIELD_WEIGHTS.keywords);
  for (const text of [...entry.answer, ...entry.fix, ...entry.confirm])
    addTerms(frequencies, toPlainText(text), FIELD_WEIGHTS.text);
  const length = [...frequencies.values()].reduce((sum, count) => sum + count, 0);
  const triggers = entry.triggers
    .map((phrase) => ({
      phrase,
      words: [...new Set(messageWords(phrase).filter((word) => !TRIGGER_FILLERS.has(word)))],
    }))
    .filter((trigger) => trigger.words.length > 0);
  return { terms: [...frequencies], length, triggers };
}

function indexed(entry: KnowledgeEntry, index: EntryIndex): IndexedEntry {
  return { entry, frequencies: new Map(index.terms), length: index.length, triggers: index.triggers };
}

/** All trigger words within a short stretch of the message, in any order. */
function triggerMatches(trigger: Trigger, words: readonly string[]): boolean {
  const span = trigger.words.length * 2 + 3;
  return words.some((word, start) => {
    if (!trigger.words.includes(word)) return false;
    const stretch = words.slice(start, start + span);
    return trigger.words.every((needed) => stretch.includes(needed));
  });
}

const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;

/** A raw total as a 0..1 score: the same total always gives the same score, so thresholds mean something. */
const scoreOf = (total: number) => round(1 - Math.exp(-total / SCORE_SCALE), 2);

/** Each content term of the message with the words the user wrote for it (the first time it appears). */
function writtenTerms(tokens: readonly MessageToken[]): Map<string, string> {
  const content = tokens.filter((token) => isContentWord(token.word));
  const written = new Map<string, string>();
  for (const token of content) if (!written.has(token.word)) written.set(token.word, token.written);
  content.slice(1).forEach((token, index) => {
    const previous = content[index];
    if (previous === undefined) return;
    const pair = `${previous.word} ${token.word}`;
    if (!written.has(pair)) written.set(pair, `${previous.written} ${token.written}`);
  });
  return written;
}

/** "only one chrome tab", "just a single browser": what the message rules out is no cause of the error. */
function ruledOut(words: readonly string[]): ReadonlySet<string> {
  const out = new Set<string>();
  words.forEach((word, index) => {
    if (!['one', '1', 'singl'].includes(word)) return;
    const only = words.slice(Math.max(0, index - 2), index).some((before) => before === 'only' || before === 'just');
    if (only || word === 'singl') for (const next of words.slice(index + 1, index + 3)) out.add(next);
  });
  return out;
}

/** Words every Qlik support thread uses weigh less than the 13 entries alone would say. */
function backgroundFactor(term: string): number {
  return term.split(' ').every((part) => BACKGROUND_TERMS.has(part)) ? BACKGROUND_FACTOR : 1;
}

/**
 * The entries and a deterministic matcher over them: canonical words (normalisation, spelling, synonyms),
 * BM25 weighting of the entry text, curated triggers per entry, and boosts from quoted or reported errors.
 */
export function createKnowledgeBase(
  entries: readonly KnowledgeEntry[],
  prebuilt: (entry: KnowledgeEntry) => EntryIndex | undefined = () => undefined,
): KnowledgeBase {
  const items = entries.map((entry) => indexed(entry, prebuilt(entry) ?? indexKnowledgeEntry(entry)));
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const averageLength = items.reduce((sum, item) => sum + item.length, 0) / Math.max(items.length, 1);
  const documentFrequency = new Map<string, number>();
  for (const item of items)
    for (const term of item.frequencies.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  const idf = (term: string) => {
    const df = documentFrequency.get(term) ?? 0;
    return Math.log(1 + (items.length - df + 0.5) / (df + 0.5));
  };

  function match(text: string): KnowledgeMatch {
    const tokens = messageTokens(text);
    const words = tokens.map((token) => token.word);
    const detected = detectErrorSignals(text, words);
    // The quoted error decides whether to answer; the rest of the message decides what (a cause it names).
    const restTokens = tokens.filter((_, index) => !detected.quoted.has(index));
    const rest = restTokens.map((token) => token.word);
    const writtenOf = writtenTerms(restTokens);
    const terms = [...writtenOf.keys()];
    // A quoted or reported error is not a question: only who or what it is about adds to the ranking.
    const intents = detectQuestionIntents(words, detected.signals.length > 0);
    // A quoted error is answered whatever else is asked; without one, a topic no entry covers gets no neighbour's entry.
    const uncovered = detected.signals.length === 0 ? detectUncoveredQuestions(words, detected.qlikContext) : [];
    const offTopic = detected.guards.some((guard) => OFF_TOPIC_GUARDS.has(guard)) || uncovered.length > 0;
    const onTopic = words.some((word) => TOPIC_WORDS.has(word));
    // "run the services under a gMSA" matches the trigger "service account"; only sessions or licences make it ours.
    const accountTypeOnly = !onTopic && namesManagedServiceAccount(words);
    // "Field 'X' not found" in a Monitoring app is that error, unless the message also speaks of sessions, refusals or
    // the Proxy API (a 403 from /qps is about its certificate, which the session entries explain).
    const otherError =
      detected.guards.includes('other-error') &&
      !words.some((word) => ['session', 'parallel', 'limit', 'deny', 'pass', 'qps'].includes(word));

    const scored = items.map((item) => {
      const contributions: TermContribution[] = [];
      for (const term of terms) {
        const frequency = item.frequencies.get(term);
        if (frequency === undefined) continue;
        const saturation = (frequency * (K1 + 1)) / (frequency + K1 * (1 - B + (B * item.length) / averageLength));
        const weight = idf(term) * saturation * (term.includes(' ') ? PAIR_WEIGHT : 1) * backgroundFactor(term);
        contributions.push({ term, written: writtenOf.get(term) ?? term, weight: round(weight, 3) });
      }
      const triggers = item.triggers.filter((trigger) => triggerMatches(trigger, rest));
      // Overlapping triggers ("no access pass", "you have no access pass") say one thing: the best counts fully, the rest half.
      const triggerScore = triggers
        .map((trigger) => 2 + 1.5 * trigger.words.length)
        .sort((a, b) => b - a)
        .reduce((sum, bonus, index) => sum + (index === 0 ? bonus : bonus / 2), 0);
      const signalBoost = detected.signals.reduce((sum, signal) => sum + (signal.boosts[item.entry.id] ?? 0), 0);
      const intentBoost = intents.reduce((sum, intent) => sum + (intent.boosts[item.entry.id] ?? 0), 0);
      const termScore = contributions.reduce((sum, contribution) => sum + contribution.weight, 0);
      // Without a word of our topic, a trigger or a quoted error, shared words alone ("reload failed", "connector") prove little.
      const anchored = onTopic || (triggers.length > 0 && !accountTypeOnly) || signalBoost > 0;
      // A Windows account type with no word of sessions or licences is as off-topic as another product.
      const damping = offTopic || otherError || accountTypeOnly ? OFF_TOPIC_DAMPING : anchored ? 1 : UNANCHORED_DAMPING;
      const own = (termScore + triggerScore + intentBoost) * damping;
      const result: ScoredEntry = {
        id: item.entry.id,
        terms: contributions.sort((a, b) => b.weight - a.weight),
        triggers: triggers.map((trigger) => trigger.phrase),
        signalBoost,
        intentBoost,
        damping,
        triggerScore,
        evidence: round(own, 3),
        causeEvidence: 0,
        total: round(own + signalBoost, 3),
      };
      return result;
    });

    // A quoted error with a cause named beside it: the cause first, the error's own entry right after it. Only words
    // that say more of the cause than of the error's entry count: telling the limit in general terms names no cause.
    const excluded = ruledOut(rest);
    for (const signal of detected.signals) {
      const topic = scored.find((item) => item.id === signal.topic);
      if (topic === undefined) continue;
      const topicWeights = new Map(topic.terms.map((term) => [term.term, term.weight]));
      const causes = scored.filter((item) => (CAUSES[signal.topic] ?? []).includes(item.id));
      for (const item of causes) {
        const beyond = item.terms
          .filter((term) => !term.term.split(' ').some((part) => excluded.has(part)))
          .reduce((sum, term) => sum + (term.weight > (topicWeights.get(term.term) ?? 0) ? term.weight : 0), 0);
        const own = (beyond + item.triggerScore + item.intentBoost) * item.damping;
        item.causeEvidence = Math.max(item.causeEvidence, round(own, 3));
      }
      const cause = causes
        .filter((item) => item.causeEvidence >= (CAUSE_MIN[signal.topic] ?? 0))
        .sort((a, b) => b.causeEvidence - a.causeEvidence)[0];
      if (cause === undefined || cause.causeOf !== undefined) continue;
      cause.causeOf = topic.id;
      cause.total = Math.max(cause.total, round(topic.total + cause.causeEvidence / 10, 3));
    }

    const ranked = scored.filter((item) => scoreOf(item.total) >= MIN_MATCH_SCORE).sort((a, b) => b.total - a.total);
    const best = ranked[0]?.total ?? 0;
    // An entry a quoted error points at is always worth showing (e.g. "no access pass" -> no licence at all).
    const chosen: EntryExplanation[] = ranked
      .filter((item) => item.total >= best * RELATIVE_CUTOFF || item.signalBoost > 0)
      .slice(0, MAX_MATCHES)
      .map(({ triggerScore: _triggerScore, ...item }) => item);
    const matches = chosen.map((item) => ({
      id: item.id,
      title: byId.get(item.id)?.title ?? item.id,
      score: scoreOf(item.total),
    }));
    return {
      matches,
      autoReply: detected.signals.length > 0 && matches.length > 0,
      explanation: {
        words,
        written: tokens.map((token) => token.written),
        signals: detected.signals.map(({ code, evidence }) => ({ code, evidence })),
        guards: detected.guards,
        overruled: detected.overruled,
        intents: intents.map(({ code, evidence }) => ({ code, evidence })),
        uncovered,
        entries: chosen,
      },
    };
  }

  return {
    entries,
    get: (id) => byId.get(id),
    match,
  };
}
