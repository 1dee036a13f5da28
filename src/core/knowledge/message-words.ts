import { editDistance } from './edit-distance.js';
import { normalizeMessage } from './normalize-message.js';

// Several words people write for one idea; matched on the normalised word sequence before stemming.
const PHRASES: readonly (readonly [RegExp, string])[] = [
  [/\b(?:log|logs|logged|logging|sign|signs|signed|signing) (?:out|off)\b/g, 'logout'],
  [/\b(?:log|logs|logged|logging|sign|signs|signed|signing) (?:in|on)(?:to)?\b/g, 'login'],
  // "log a user out", "sign her off": the logout and who it is for.
  [/\b(?:log|logs|logged|logging|sign|signs|signed|signing) ((?:[a-z0-9]+ ){1,2})(?:out|off)\b/g, 'logout $1'],
  [/\b(?:timed|times|time) out\b/g, 'timeout'],
  [/\b(?:at )?the same time\b|\bat once\b/g, 'parallel'],
  [/\bweb ?pages?\b|\bhtml pages?\b/g, 'webpage'],
  [/\bi ?frames?\b/g, 'iframe'],
  [/\bmash ?ups?\b/g, 'mashup'],
  [/\bin ?private\b|\bprivate (?:window|mode|browsing)\b/g, 'incognito'],
  [/\bpower ?bi\b/g, 'powerbi'],
  [/\bremote desktops?\b|\bterminal (?:server|services)\b/g, 'rdp'],
  [/\benigma ?js\b/g, 'enigma'],
  [/\bctrl q\b/g, 'ctrlq'],
  [/\bload ?balanc\w*\b/g, 'loadbalancer'],
  // Turned away at the door: the words people use for a refusal.
  [/\b(?:turn|turns|turned|turning) (?:away|down)\b|\b(?:shut|shuts) out\b/g, 'deny'],
  [/\b(?:run|runs|ran|running) out of\b|\bused up\b|\buse up\b/g, 'exhaust'],
  // "I'm out of sessions": none left.
  [/\bout of (?:free |available )?sessions\b/g, 'exhaust sessions'],
  // Sessions nobody closed: "left open", "left behind", "left over".
  [/\bleft (?:open|behind|over|hanging)\b/g, 'leftover'],
  [/\b(?:leave|leaves|leaving) ((?:[a-z0-9]+ ){0,3})(?:behind|open)\b/g, 'leftover $1'],
  // The product's name says "Qlik", not "sense": "sens" must not match "single integration" or "makes sense".
  // Qlik's conferences have sessions too, many in parallel.
  [/\bqlik (?:connect|world|world tour|summit)\b/g, 'conference'],
  // Client-managed Qlik Sense by its names is plain Qlik Sense here: "enterprise" must not point at Qlik Cloud.
  [/\b(?:qlik sense |qlik )?enterprise on windows\b|\bclient ?managed(?: qlik sense| qlik)?\b|\bqseow\b/g, 'qlik'],
  [/\bqlik sense\b/g, 'qlik'],
  [/\b(?:qlik )?management console\b/g, 'qmc'],
  [/\bhalf an hour\b/g, '30 minutes'],
  // "at the moment", "right now": the present state, as the questions about who is connected ask it.
  [/\bat the moment\b|\bright now\b/g, 'now'],
  [/\b(?:get|gets|got|getting) rid of\b/g, 'end'],
  // "end up with sessions on both" is where they land, not ending a session.
  [/\b(?:end|ends|ended|ending) up\b/g, 'become'],
];

// Same idea, one canonical stem (after stemming): synonyms and the spellings people use.
const SYNONYMS: Readonly<Record<string, string>> = {
  connection: 'session',
  sess: 'session',
  licenc: 'licens',
  lisenc: 'licens',
  lisens: 'licens',
  licenz: 'licens',
  denial: 'deny',
  refus: 'deny',
  reject: 'deny',
  rejection: 'deny',
  block: 'deny',
  forbidden: 'deny',
  declin: 'deny',
  concurrent: 'parallel',
  concurrently: 'parallel',
  simultaneous: 'parallel',
  simultaneously: 'parallel',
  paralel: 'parallel',
  max: 'maximum',
  maxim: 'maximum',
  '5': 'five',
  '5th': 'five',
  fifth: 'five',
  '6': 'six',
  '6th': 'six',
  sixth: 'six',
  kill: 'end',
  terminat: 'end',
  termination: 'end',
  logoff: 'logout',
  signout: 'logout',
  logon: 'login',
  signin: 'login',
  analyser: 'analyzer',
  qliksens: 'qlik',
  qsense: 'qlik',
  privat: 'incognito',
  cap: 'limit',
  limitation: 'limit',
  limited: 'limit',
  quota: 'limit',
  // The stem of "increase" itself, so "raise the limit" and "increase the limit" meet.
  raise: 'increas',
  rais: 'increas',
  bump: 'increas',
  linger: 'leftover',
  orphan: 'leftover',
  orphaned: 'leftover',
  stale: 'leftover',
  bounc: 'deny',
  exhausted: 'exhaust',
  // Devices, as people name them; the entries say machine, laptop, phone, tablet.
  // The stems of the targets too, so "machine" in an entry and "PC" in a message meet.
  machin: 'machine',
  phon: 'phone',
  devic: 'device',
  pc: 'machine',
  pcs: 'machine',
  computer: 'machine',
  workstation: 'machine',
  notebook: 'laptop',
  ipad: 'tablet',
  iphone: 'phone',
  smartphone: 'phone',
  mobil: 'phone',
  android: 'phone',
  f5: 'loadbalancer',
  haproxy: 'loadbalancer',
  netscaler: 'loadbalancer',
  dangl: 'leftover',
  // A device asleep and woken: the disconnect-and-resume burst.
  slept: 'sleep',
  asleep: 'sleep',
  standby: 'sleep',
  hibernat: 'sleep',
  suspend: 'sleep',
  wake: 'resum',
  woke: 'resum',
  wak: 'resum',
  auth: 'authentication',
  authenticat: 'authentication',
};

// Key words whose misspellings matter ("paralell", "sesions", "Qloik"): one edit away is the same word.
const VOCABULARY: readonly string[] = [
  'session',
  'parallel',
  'licens',
  'access',
  'qlik',
  'authentication',
  'analyzer',
  'professional',
  'maximum',
  'exceed',
  'incognito',
  'monitoring',
  'mashup',
  'websocket',
  'proxy',
  'virtual',
];

/** Kept in the word sequence (signals need them) but carry no weight when ranking. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again all also am an and any are as at be been before being below between both but by can could did do does doing down during each ' +
    'even ever few for from further get got had has have having he her here hers him his how i if in into is it its itself just let like may me might more ' +
    'most much must my no nor not now of off on once only or other our out over own please same she should so some such than that the their them then there ' +
    'these they this those through to too under until up very was we were what when where which while who whom why will with would you your yours hi hello ' +
    'thanks thank regards because though although make sure anyone someone somebody help need want know think seem still way many one us use using used try tried trying already really'
  ).split(' '),
);

// Chat filler that carries no weight but stays a word as usual ("the hub says" is still read as "say" by the signals).
const FILLER_WORDS: readonly string[] = (
  'say see seen saw show every day today yesterday tomorrow week morning lot bit thing guy team everyone anything something everything ' +
  'single time since last next ok okay pls plz appreciate advice advise idea issue problem question keep wonder look go come ' +
  'instead plus ' +
  // Counts other than five and six (the limit and the refused one) say nothing about the topic.
  'two three four seven eight nine ten twice'
).split(' ');

function stem(word: string): string {
  let w = word;
  if (w.length > 4 && /(?:ies|ied)$/.test(w)) w = `${w.slice(0, -3)}y`;
  else if (w.length > 3 && w.endsWith('s') && !/(?:ss|us|is|os)$/.test(w)) w = w.slice(0, -1);
  const singular = w;
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed') && !w.endsWith('eed')) w = w.slice(0, -2);
  // "embedded" -> "embedd" -> "embed", but "parallel", "access" and a plural ("apps", "calls") keep their doubles.
  if (/([b-df-hj-km-rt-y])\1$/.test(w) && w !== singular) w = w.slice(0, -1);
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

const canonicalCache = new Map<string, string>();

/** One word to its canonical stem: stemming, synonyms, then near-misspellings of the key vocabulary. */
export function canonicalWord(word: string): string {
  const cached = canonicalCache.get(word);
  if (cached !== undefined) return cached;
  if (STOPWORDS.has(word)) return word;
  const stemmed = stem(word);
  let canonical = SYNONYMS[word] ?? SYNONYMS[stemmed] ?? stemmed;
  if (canonical === stemmed && canonical.length >= 4 && !VOCABULARY.includes(canonical)) {
    const limit = canonical.length >= 9 ? 2 : 1;
    const near = VOCABULARY.find(
      (known) => known[0] === canonical[0] && editDistance(canonical, known, limit) <= limit,
    );
    if (near !== undefined) canonical = near;
  }
  // A long-running bot sees endless new words; a bounded cache keeps memory flat.
  if (canonicalCache.size >= 50_000) canonicalCache.clear();
  canonicalCache.set(word, canonical);
  return canonical;
}

/** One word of a message: as the user wrote it (lower case, phrases whole) and its canonical form. */
export interface MessageToken {
  readonly written: string;
  readonly word: string;
}

/** The message as tokens in order, each keeping the user's own spelling for explanations. */
export function messageTokens(text: string): MessageToken[] {
  const phrases: string[] = [];
  let normalized = ` ${normalizeMessage(text)} `;
  for (const [pattern, replacement] of PHRASES) {
    // A placeholder of characters normalisation removes keeps the user's words of a phrase without later patterns reading them.
    normalized = normalized.replace(pattern, (found: string, ...groups: unknown[]) => {
      // "$1" keeps a word the phrase wraps ("log a user out" -> "logout a user").
      const words = replacement.replace('$1', typeof groups[0] === 'string' ? groups[0] : '').trim();
      return `#${phrases.push(`${found}#${words}`) - 1}#`;
    });
  }
  return normalized
    .split(' ')
    .filter((word) => word !== '')
    .flatMap((token): MessageToken[] => {
      const placeholder = /^#(\d+)#$/.exec(token);
      const phrase = placeholder === null ? undefined : phrases[Number(placeholder[1])];
      if (phrase === undefined) return [{ written: token, word: canonicalWord(token) }];
      const [written = '', replacement = ''] = phrase.split('#');
      return replacement.split(' ').map((word) => ({ written, word: canonicalWord(word) }));
    });
}

/** The message as canonical words in order (stopwords kept, so phrases and negations can be read). */
export function messageWords(text: string): string[] {
  return messageTokens(text).map((token) => token.word);
}

// Built on first use: canonicalWord needs its cache, declared above, and the stems must match what it returns.
let fillerStems: ReadonlySet<string> | undefined;

/** Whether a canonical word carries weight: not a stopword or filler, not a lone letter, not a bare number ("5" is already "five"). */
export function isContentWord(word: string): boolean {
  fillerStems ??= new Set(FILLER_WORDS.map(canonicalWord));
  return !STOPWORDS.has(word) && !fillerStems.has(word) && word.length > 1 && !/^\d+$/.test(word);
}

/** Weighted-matching terms: content words and the pairs of neighbouring content words ("access pass", "virtual proxy"). */
export function contentTerms(words: readonly string[]): string[] {
  const content = words.filter(isContentWord);
  const pairs = content.slice(1).map((word, index) => `${content[index] ?? ''} ${word}`);
  return [...content, ...pairs];
}
