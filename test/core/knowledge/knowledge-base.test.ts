import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../../src/adapters/knowledge-files/index.js';
import {
  createKnowledgeBase,
  MIN_ANSWER_SCORE,
  type KnowledgeBase,
  type KnowledgeEntry,
} from '../../../src/core/knowledge/index.js';
import { MIN_MATCH_SCORE } from '../../../src/core/knowledge/knowledge-base.js';

let knowledge: KnowledgeBase;

/** The message gets no entry: no automatic reply, and nothing scored high enough to answer with. */
function expectNoEntry(text: string): void {
  const result = knowledge.match(text);
  expect(result.autoReply).toBe(false);
  expect(result.matches[0]?.score ?? 0).toBeLessThan(MIN_ANSWER_SCORE);
}
beforeAll(async () => {
  const loaded = await loadKnowledgeBase({});
  if (!loaded.ok) throw new Error(loaded.error);
  knowledge = loaded.knowledge;
});

// Our own phrasings of each way people quote or report the errors; every one must get an automatic reply.
const TRIGGER_FAMILIES: readonly { family: string; text: string; top: string }[] = [
  {
    family: 'the full hub message',
    text: 'You cannot access Qlik Sense because you have too many sessions active in parallel',
    top: 'five-session-limit',
  },
  { family: "Qlik's spelling paralell", text: 'hub: too many sessions active in paralell', top: 'five-session-limit' },
  {
    family: 'parallell and sesions',
    text: 'Too many sesions active in parallell again for the sales team',
    top: 'five-session-limit',
  },
  {
    family: 'another word order',
    text: 'our users see "too many active sessions in parallel" since Monday',
    top: 'five-session-limit',
  },
  {
    family: 'short form',
    text: 'getting the too many parallel sessions error when I open the QMC',
    top: 'five-session-limit',
  },
  { family: 'upper case', text: 'TOO MANY SESSIONS ACTIVE IN PARALLEL!!!', top: 'five-session-limit' },
  {
    family: 'inside a code span',
    text: 'error: `Too many sessions active in parallel` when opening an app',
    top: 'five-session-limit',
  },
  {
    family: 'inside a code fence',
    text: '```\nYou cannot access Qlik Sense because you have too many sessions active in parallel\n```',
    top: 'five-session-limit',
  },
  {
    family: 'Slack bold and italics',
    text: 'the hub says *too many sessions* _active in parallel_ ~again~',
    top: 'five-session-limit',
  },
  {
    family: 'a Slack link label',
    text: 'seeing <https://community.qlik.com/t5/x|too many sessions active in parallel> for jdoe',
    top: 'five-session-limit',
  },
  {
    family: 'emoji around it',
    text: ':rotating_light: too many sessions active in parallel :scream:',
    top: 'five-session-limit',
  },
  {
    family: 'HTML entities and smart quotes',
    text: '&quot;Too many sessions active in parallel&quot; &amp; “can’t get in”',
    top: 'five-session-limit',
  },
  {
    family: 'the websocket push message from a script',
    text: 'our enigma.js script gets OnMaxParallelSessionsExceeded',
    top: 'api-automation-sessions',
  },
  {
    family: 'the push message in lower case',
    text: 'got onmaxparallelsessionsexceeded from the proxy',
    top: 'five-session-limit',
  },
  {
    family: 'the no-access-pass message',
    text: 'You cannot access Qlik Sense because you have no access pass',
    top: 'no-access-pass-message',
  },
  {
    family: 'no access pass paraphrased',
    text: 'a user gets "you have no access pass" although licensed',
    top: 'no-access-pass-message',
  },
  {
    family: 'the SessionCount 5 log line',
    text: "Access was denied for User: 'CORP\\jdoe', SessionCount: '5', OperationType: 'UsageDenied'",
    top: 'five-session-limit',
  },
  {
    family: 'denied at the limit, reported',
    text: "users can't log in to Qlik Sense after opening 5 sessions, the 6th is refused",
    top: 'five-session-limit',
  },
  {
    family: 'denied at the limit by a script',
    text: 'my nightly enigma.js job connects through the Qlik Sense proxy and is rejected after the fifth session',
    top: 'api-automation-sessions',
  },
  {
    family: 'too many sessions in the hub',
    text: 'our CFO gets too many sessions in the hub every morning',
    top: 'five-session-limit',
  },
  {
    family: '"too many sessions" as an error, without naming Qlik',
    text: "I keep getting 'too many sesions' after a few logins",
    top: 'five-session-limit',
  },
  {
    family: 'a why-question that reports it',
    text: 'How come users get denied after 5 sessions in the hub?',
    top: 'five-session-limit',
  },
  {
    family: 'the limit reached, with a synonym',
    text: 'the session cap was hit again in the QMC this morning',
    top: 'five-session-limit',
  },
  {
    family: 'the error named by its key words',
    text: 'I get kicked out with the parallel sessions error whenever I open a fifth window',
    top: 'five-session-limit',
  },
  {
    family: 'turned away at five',
    text: 'our planners are turned away by the Qlik proxy once they have 5 sessions',
    top: 'five-session-limit',
  },
  {
    family: 'the SessionCount line without its ending',
    text: "AuditSecurity_Repository keeps logging SessionCount: '5' for the night shift",
    top: 'five-session-limit',
  },
  {
    family: 'to for too, session for sessions',
    text: 'you have to many session active in paralel',
    top: 'five-session-limit',
  },
  {
    family: 'the German hub',
    text: 'Sie haben zu viele parallel aktive Sitzungen, was tun?',
    top: 'five-session-limit',
  },
  { family: 'a bare question about the missing access pass', text: 'no access pass??', top: 'no-access-pass-message' },
  {
    family: 'the limit in own words',
    text: 'Qlik says I already have the most sessions allowed and will not let me in',
    top: 'five-session-limit',
  },
  {
    family: 'Citrix on a Qlik message',
    text: 'citrix farm users: You cannot access Qlik Sense because you have too many sessions active in parallel',
    top: 'tabs-vs-browsers',
  },
  {
    family: 'the exact error despite a database named',
    text: "our SQL source is fine, but the hub says 'too many sessions active in parallel'",
    top: 'five-session-limit',
  },
];

// Close neighbours: they mention sessions, limits, licences or denials, but not the Qlik Sense session limit.
const NEGATIVE_FAMILIES: readonly { family: string; text: string }[] = [
  { family: 'QlikView CAL', text: 'QlikView: Access denied, the server has no CAL available for your account' },
  { family: 'QlikView named CAL', text: 'the QVS dropped a named user CAL from my second laptop' },
  {
    family: 'QlikView document sessions',
    text: 'Max concurrent sessions in QlikView server document properties, we hit the limit',
  },
  {
    family: 'Qlik Core engine without licence',
    text: 'the Qlik Associative Engine without a license refuses a 6th session, fine for dev',
  },
  { family: 'Qlik Core in docker', text: 'qlik core docker container only allows 5 sessions and then fails' },
  { family: 'login access pass question', text: 'How many sessions does a login access pass allow?' },
  { family: 'login passes consumed', text: 'one user consumed 3 login passes today, is that expected?' },
  {
    family: "another product's session limit",
    text: 'Tableau server says too many sessions for this user and denies access',
  },
  {
    family: "a database's connection limit",
    text: 'MySQL refuses connections: too many connections (max 5 sessions per user reached)',
  },
  { family: 'session timed out', text: 'Your session has timed out. Please log in again.' },
  { family: 'timeout question', text: 'what is the default session inactivity timeout in Qlik Sense?' },
  { family: 'reload failure', text: 'Reload failed for the Operations Monitor app last night' },
  {
    family: 'reload error in a task',
    text: 'The task fails with "Reload failed!" but the script runs fine in the editor',
  },
  { family: 'access denied to a stream', text: 'Access denied to the Finance stream for one user in Qlik Sense' },
  { family: 'access denied to an app', text: 'Qlik Sense App "Access Denied" for a new developer, why?' },
  { family: 'inactive account', text: 'a disabled user is told her Qlik account is inactive and blocked' },
  { family: 'a hypothetical about the limit', text: 'Is the limit of 5 sessions per user configurable in Qlik Sense?' },
  { family: 'a statement about the limit', text: 'Qlik Sense counts every browser as one session toward the limit.' },
  {
    family: 'licence capacity question',
    text: 'can the License Monitor show analyzer capacity minutes used by each person?',
  },
  { family: 'websocket closed', text: 'enigma websocket gets socket closed error on slow networks' },
  { family: 'a database error without a name', text: 'ERROR 1040: Too many connections, I get this every night' },
  { family: 'account lockout', text: 'After 5 failed login attempts in Qlik Sense the user is locked out' },
  {
    family: 'a database connection limit in a reload',
    text: 'Qlik Sense reload fails: ODBC says too many connections',
  },
  { family: 'several users denied an app', text: 'Five users get access denied on the Sales app in Qlik Sense' },
  {
    family: "another product's paraphrase of our error",
    text: 'SAP GUI: too many sessions in parallel for my account',
  },
  {
    family: 'conference sessions',
    text: 'too many sessions in parallel tracks at the Qlik summit, which one do I attend?',
  },
  { family: 'a webinar', text: 'webinar today: 5 sessions on the Qlik Sense hub, sign up' },
  { family: "ServiceNow's own limit", text: 'ServiceNow: Maximum number of sessions exceeded for my account' },
  { family: "VMware's own limit", text: 'VMware Horizon says you have reached the maximum number of sessions' },
  { family: 'another Qlik error in a Monitoring app', text: "Operations Monitor reload fails with 'Field not found'" },
  { family: 'a service account question', text: 'how do I change the Qlik Sense service account to a gMSA?' },
];

// The error quoted with a cause beside it: the cause first, the limit explained right after it.
const CAUSE_FAMILIES: readonly { family: string; text: string; cause: string }[] = [
  {
    family: 'two virtual proxies',
    text: 'too many sessions active in parallel for people who use both of our virtual proxies',
    cause: 'virtual-proxy-sessions',
  },
  {
    family: 'an iFrame mashup',
    text: 'our portal embeds eight iframes and users get too many sessions active in parallel',
    cause: 'mashup-iframe-sessions',
  },
  {
    family: 'incognito windows',
    text: 'you have too many sessions active in parallel, after a few incognito windows in chrome and edge',
    cause: 'tabs-vs-browsers',
  },
  {
    family: 'the service account',
    text: 'too many sessions active in parallel when I develop apps in the hub as the service account',
    cause: 'service-account-license',
  },
  {
    family: 'a VPN drop',
    text: 'after the VPN reconnects the hub says too many sessions active in parallel, network dropped for a minute',
    cause: 'disconnect-cookie-burst',
  },
  {
    family: 'Qlik Cloud',
    text: 'a user on our Qlik Cloud tenant reports too many sessions active in parallel, is there a limit in SaaS?',
    cause: 'qlik-cloud-sessions',
  },
];

describe('knowledge matcher: the cause first, the limit after it', () => {
  it.for(CAUSE_FAMILIES)('answers the error with $family first', ({ text, cause }) => {
    const result = knowledge.match(text);
    expect(result.autoReply).toBe(true);
    expect(result.matches.map((match) => match.id).slice(0, 2)).toEqual([cause, 'five-session-limit']);
    expect(result.explanation.entries[0]?.causeOf).toBe('five-session-limit');
  });

  it('answers the bare error with the limit itself', () => {
    expect(knowledge.match('Too many sessions active in parallel.').matches[0]?.id).toBe('five-session-limit');
  });
});

describe('knowledge matcher: auto-reply trigger families', () => {
  it.for(TRIGGER_FAMILIES)('answers $family with $top first', ({ text, top }) => {
    const result = knowledge.match(text);
    expect(result.autoReply).toBe(true);
    expect(result.matches[0]?.id).toBe(top);
  });
});

describe('knowledge matcher: close negatives stay quiet', () => {
  it.for(NEGATIVE_FAMILIES)('stays quiet on $family', ({ text }) => {
    expect(knowledge.match(text).autoReply).toBe(false);
  });
});

describe('knowledge matcher: ranking questions', () => {
  it.for([
    { text: 'how do I kill all sessions of one user?', expected: 'end-sessions' },
    { text: 'does opening the app in two Chrome tabs count as two sessions?', expected: 'tabs-vs-browsers' },
    { text: 'incognito windows and a second browser on the laptop', expected: 'tabs-vs-browsers' },
    { text: 'the License Monitor and Operations Monitor reload tasks keep failing', expected: 'monitoring-app-reload' },
    { text: 'should the service account have a professional licence allocated?', expected: 'service-account-license' },
    { text: 'we embed 8 charts through iframes in our intranet portal', expected: 'mashup-iframe-sessions' },
    { text: 'after a VPN reconnect the user got a burst of new sessions', expected: 'disconnect-cookie-burst' },
    { text: 'what is the session limit per user in Qlik Cloud tenants?', expected: 'qlik-cloud-sessions' },
    { text: 'how can I see how many sessions a user has open right now?', expected: 'count-sessions' },
    {
      text: 'my python script opens a new engine websocket session for every app and JWT auth',
      expected: 'api-automation-sessions',
    },
    { text: 'users go through two virtual proxies with different prefixes', expected: 'virtual-proxy-sessions' },
    {
      text: 'the user was never assigned a licence, NoAvailableAccessType in the proxy log',
      expected: 'no-license-assigned',
    },
  ])('ranks $expected in the top three for "$text"', ({ text, expected }) => {
    expect(knowledge.match(text).matches.map((match) => match.id)).toContain(expected);
  });

  it('returns at most three matches, best first, with scores between 0 and 1', () => {
    const { matches } = knowledge.match(
      'too many sessions active in parallel: count and end the sessions of the service account',
    );
    expect(matches.length).toBeLessThanOrEqual(3);
    expect(matches.length).toBeGreaterThan(0);
    for (const match of matches) {
      expect(match.score).toBeGreaterThan(0);
      expect(match.score).toBeLessThanOrEqual(1);
    }
    expect([...matches].sort((a, b) => b.score - a.score)).toEqual(matches);
  });

  it.for([
    'how many sessions can one user have in qlik sense?',
    "what's the maximum number of parallel sessions a user is allowed?",
    'can the limit of five sessions be increased?',
    'is it possible to allow more than five sessions per user',
    'is the per-user session limit configurable?',
  ])('ranks five-session-limit first for a question about the limit itself: "%s"', (text) => {
    expect(knowledge.match(text).matches[0]?.id).toBe('five-session-limit');
  });

  it.for(['which sessions does jdoe have open right now?', 'how can I see the sessions a user currently has?'])(
    'ranks count-sessions first for a question about the sessions a user has now: "%s"',
    (text) => {
      expect(knowledge.match(text).matches[0]?.id).toBe('count-sessions');
    },
  );

  it('ranks qlik-cloud-sessions first for the limit question about Qlik Cloud', () => {
    expect(
      knowledge.match('what is the maximum of parallel sessions per user in a Qlik Cloud tenant?').matches[0]?.id,
    ).toBe('qlik-cloud-sessions');
  });

  it('keeps a floor below the answer threshold', () => {
    expect(MIN_MATCH_SCORE).toBeGreaterThan(0);
    expect(MIN_ANSWER_SCORE).toBeGreaterThan(MIN_MATCH_SCORE);
  });

  it.for([
    { text: 'can a single user have six sessions at once?', id: 'five-session-limit' },
    { text: 'do two Chrome windows and a Firefox window count as three sessions?', id: 'tabs-vs-browsers' },
    { text: 'should the qlik service account hold a professional allocation?', id: 'service-account-license' },
    { text: 'the License Monitor reload task fails every night', id: 'monitoring-app-reload' },
    { text: "what does the hub's no access pass message mean?", id: 'no-access-pass-message' },
    { text: 'how do I assign a licence to a user without one?', id: 'no-license-assigned' },
    { text: 'how do I log a user out of every proxy session?', id: 'end-sessions' },
    { text: 'our enigma.js script opens a proxy session per app, how to reuse one?', id: 'api-automation-sessions' },
    { text: 'do iframes in a mashup each open their own session?', id: 'mashup-iframe-sessions' },
    {
      text: 'users reach the hub through two virtual proxies, are those separate sessions?',
      id: 'virtual-proxy-sessions',
    },
    { text: 'after a VPN drop the proxy opens a burst of new sessions for the user', id: 'disconnect-cookie-burst' },
    { text: 'is there a parallel session limit in Qlik Cloud?', id: 'qlik-cloud-sessions' },
  ])('scores a clear question about $id at or above MIN_ANSWER_SCORE', ({ text, id }) => {
    const match = knowledge.match(text).matches.find((item) => item.id === id);
    expect(match?.score ?? 0).toBeGreaterThanOrEqual(MIN_ANSWER_SCORE);
  });

  it.for([
    'Reload of the Budget app failed with error: connector timeout',
    'Tableau server says max sessions reached',
    'Oracle: ORA-00018 maximum number of sessions exceeded',
    'Postgres refuses new connections for the reporting role',
    'the printer on floor 3 is out of toner again',
    'Chrome keeps crashing when I open too many tabs',
  ])('finds nothing that fits unrelated text: "%s"', (text) => {
    expect(knowledge.match(text)).toMatchObject({ matches: [], autoReply: false });
  });

  it('returns nothing for text with no knowledge in it', () => {
    expect(knowledge.match('')).toMatchObject({ matches: [], autoReply: false });
    expect(knowledge.match('lunch at noon?')).toMatchObject({ matches: [], autoReply: false });
  });

  it('is deterministic', () => {
    const text = 'users hit the five session limit after VPN drops';
    expect(knowledge.match(text)).toEqual(knowledge.match(text));
  });

  it('explains which signals, guards, terms and triggers decided', () => {
    const quoted = knowledge.match('the hub says too many sessions active in paralell');
    expect(quoted.explanation.signals.map((signal) => signal.code)).toEqual(['parallel-sessions-error']);
    // Both hub errors start "You cannot access Qlik Sense because": only the ending tells them apart.
    const full = knowledge.match('You cannot access Qlik Sense because you have too many sessions active in parallel');
    expect(full.explanation.signals.map((signal) => signal.code)).toEqual(['parallel-sessions-error']);
    const top = quoted.explanation.entries[0];
    expect(top?.id).toBe('five-session-limit');
    // The quote decides whether to answer; its words are not counted again as terms of any entry.
    expect(top?.terms.map((term) => term.term)).not.toContain('parallel');
    expect(top?.signalBoost).toBeGreaterThan(0);
    const unquoted = knowledge.match('how many parallel sessions may a user have?').explanation.entries[0];
    expect(unquoted?.terms.map((term) => term.term)).toContain('parallel');

    const guarded = knowledge.match('the Qlik engine without a license key: users cannot log in after 5 sessions');
    expect(guarded.autoReply).toBe(false);
    expect(guarded.explanation.guards).toContain('qlik-core-engine');
    expect(guarded.explanation.overruled).toEqual(['denied-at-limit']);
  });

  it('explains terms in the words the user wrote, beside their canonical form', () => {
    const result = knowledge.match('how many sesions can one user have with professional licences?');
    expect(result.explanation.written).toContain('sesions');
    expect(result.explanation.words).toContain('session');
    expect(result.explanation.intents.map((intent) => intent.code)).toEqual(['limit-question']);
    const terms = result.explanation.entries.flatMap((entry) => entry.terms);
    expect(terms).toContainEqual(expect.objectContaining({ term: 'licens', written: 'licences' }));
  });

  it('damps another product and says so', () => {
    const result = knowledge.match('Tableau server: maximum sessions per user, how do I raise the limit?');
    expect(result.explanation.guards).toContain('other-product');
    for (const entry of result.explanation.entries) expect(entry.damping).toBeLessThan(1);
  });
});

describe('createKnowledgeBase', () => {
  const entry = (id: string, title: string, extra: Partial<KnowledgeEntry> = {}): KnowledgeEntry => ({
    id,
    title,
    answer: [`${title}.`],
    fix: ['Do the thing.'],
    confirm: ['Look at the log.'],
    related: [],
    sources: [{ title: 'Source', url: 'https://example.test' }],
    triggers: [],
    keywords: [],
    ...extra,
  });
  const base = createKnowledgeBase([
    entry('printer-jam', 'Printer paper jam', { keywords: ['printer', 'paper'] }),
    entry('coffee-machine', 'Coffee machine descaling', { triggers: ['machine makes no coffee'] }),
  ]);

  it('gets entries by id and keeps their order', () => {
    expect(base.get('coffee-machine')?.title).toBe('Coffee machine descaling');
    expect(base.get('nope')).toBeUndefined();
    expect(base.entries.map((item) => item.id)).toEqual(['printer-jam', 'coffee-machine']);
  });

  it('keeps the small words that make a trigger specific ("how many", "no")', () => {
    const counting = createKnowledgeBase([
      entry('counting', 'Counting', { triggers: ['how many sessions', 'no access pass'] }),
    ]);
    expect(counting.match('sessions are fine today').explanation.entries).toEqual([]);
    expect(counting.match('which login access pass?').explanation.entries).toEqual([]);
    expect(counting.match('how many sessions are open?').explanation.entries[0]?.triggers).toEqual([
      'how many sessions',
    ]);
  });

  it('matches triggers in any word order, and only quoted or reported errors auto-reply', () => {
    const triggered = base.match('coffee: the machine no longer makes any');
    expect(triggered.matches[0]?.id).toBe('coffee-machine');
    expect(triggered.explanation.entries[0]?.triggers).toEqual(['machine makes no coffee']);
    expect(triggered.autoReply).toBe(false);
  });
});

// A (group) managed service account is a Windows account type: naming one says nothing of sessions or licences.
describe('knowledge matcher: a gMSA is not the licensed service account', () => {
  it.for([
    'Is a group managed service account supported for the Qlik Sense Repository Service?',
    'moving our Qlik service account to a managed service account: anything to change in the QMC?',
    'how do I change the Qlik Sense service account to a gMSA?',
  ])('does not answer "%s" with an entry', (text) => {
    expectNoEntry(text);
  });

  it('still answers a gMSA that holds a licence with the service-account entry first', () => {
    const result = knowledge.match(
      'our gMSA that runs the Qlik services got a professional licence allocated, is that a problem?',
    );
    expect(result.matches[0]?.id).toBe('service-account-license');
    expect(result.matches[0]?.score ?? 0).toBeGreaterThanOrEqual(MIN_ANSWER_SCORE);
  });
});

// Words the limit's own entry explains as well as a cause's ("maximum", "per user", "authentication") name no cause.
describe('knowledge matcher: the limit told in general terms', () => {
  it.for([
    'Heads-up: Qlik Sense lets each user hold five sessions, and the sixth authentication is refused until one ends.',
    'Remember the proxy caps every user at five concurrent sessions, and nobody can change that in the QMC.',
    'every app our tool processes opens its own session, and a user is limited to 5 sessions at a time',
  ])('ranks five-session-limit first for "%s"', (text) => {
    const result = knowledge.match(text);
    expect(result.matches[0]?.id).toBe('five-session-limit');
    expect(result.explanation.entries.every((entry) => entry.causeOf === undefined)).toBe(true);
  });

  it('still ranks a concrete cause first when the error is quoted beside it', () => {
    const result = knowledge.match(
      'each authentication through our JWT virtual proxy ends in too many sessions active in parallel',
    );
    expect(result.matches[0]?.id).toBe('api-automation-sessions');
    expect(result.explanation.entries[0]?.causeEvidence).toBeGreaterThan(0);
  });

  it('does not read a cause into the words of a paraphrased error ("closed", "opening the app")', () => {
    for (const text of [
      'the hub keeps telling me I have too many sessions, though I closed all of them',
      'kicked out with the parallel sessions message when opening one more app',
    ])
      expect(knowledge.match(text).matches[0]?.id).toBe('five-session-limit');
  });

  it('reads a Citrix user quoting the hub error as a Qlik message', () => {
    const result = knowledge.match('our Citrix people: too many sessions active in parallel, local chrome works');
    expect(result.explanation.guards).not.toContain('other-product');
    expect(result.matches[0]?.id).toBe('tabs-vs-browsers');
  });
});

// Session and licence questions no entry answers get the pointer to help, not a neighbouring entry.
describe('knowledge matcher: questions no entry covers', () => {
  it.for([
    'How does the Document Timeout differ from the session timeout on the server?',
    'My VPN client pops up "Concurrent session limit reached" when I log on from a hotel',
    'can I make sure every user has only one session at a time?',
    'does a login pass cover several log-ins within its 60 minutes, or is a new one consumed each time?',
    'Qlik Cloud app size limit of 5 GB: per app or per tenant?',
    'the engine websocket keeps closing with 1006 on slow networks',
    'is there a limit on parallel reload tasks per node?',
    'JWT login fails with invalid signature on the portal virtual proxy',
  ])('does not answer "%s" with an entry', (text) => {
    expectNoEntry(text);
  });

  it('says which uncovered topic it saw, and reads none when an error is quoted', () => {
    expect(knowledge.match('is there a limit on parallel reload tasks per node?').explanation.uncovered).toEqual([
      { code: 'other-limit', evidence: 'a limit on something other than sessions' },
    ]);
    expect(
      knowledge.match('websocket closed, then too many sessions active in parallel').explanation.uncovered,
    ).toEqual([]);
  });
});

describe('knowledge matcher: what the message rules out or only sets the scene', () => {
  it('does not make a cause of what the message rules out ("only one chrome tab")', () => {
    const result = knowledge.match('hub says too many sessions active in parallel, and I have only one edge tab open');
    expect(result.matches[0]?.id).toBe('five-session-limit');
  });

  it('reads "Enterprise on Windows" and QSEoW as client-managed Qlik Sense, not as Qlik Cloud', () => {
    for (const text of [
      'On Qlik Sense Enterprise on Windows the users get too many sessions active in parallel',
      'QSEoW Nov 2024: too many sessions active in parallel for a few users',
    ]) {
      const result = knowledge.match(text);
      expect(result.matches[0]?.id).toBe('five-session-limit');
      expect(result.matches.map((match) => match.id)).not.toContain('qlik-cloud-sessions');
    }
  });

  it("reads a VPN limit without a Qlik word as the VPN's own", () => {
    const result = knowledge.match('the VPN says I have reached the maximum of 5 sessions, please help');
    expect(result.autoReply).toBe(false);
    expect(result.explanation.guards).toContain('other-product');
  });
});

describe('knowledge matcher: guards that must not misfire, and those that must fire', () => {
  it.for([
    'hub says too many sessions, how do I track down which ones are open?',
    'Qlik Sense refuses me since I changed my password: too many sessions',
    'the hub says I am out of sessions',
  ])('answers the report "%s"', (text) => {
    const result = knowledge.match(text);
    expect(result.autoReply).toBe(true);
    expect(result.matches[0]?.id).toBe('five-session-limit');
  });

  it.for([
    'QlikView: too many sessions in parallel on the sales document',
    'So many talks at Qlik Connect, too many sessions in parallel to see them all',
    'GitHub Actions: too many sessions, please wait',
    'the hub account is locked after three wrong password attempts',
  ])('stays quiet on "%s"', (text) => {
    expect(knowledge.match(text).autoReply).toBe(false);
  });
});

describe('knowledge matcher: "no access pass" with its usual cause named', () => {
  it.for([
    'no access pass for the contractor who started on Monday',
    'hub says no access pass since IT renamed her account',
    'our new starter gets "you have no access pass"',
  ])('puts the missing licence first for "%s"', (text) => {
    const result = knowledge.match(text);
    expect(result.matches.map((match) => match.id).slice(0, 2)).toEqual([
      'no-license-assigned',
      'no-access-pass-message',
    ]);
  });

  it('keeps the message itself first when nothing says why', () => {
    expect(knowledge.match('what does no access pass mean?').matches[0]?.id).toBe('no-access-pass-message');
  });
});
