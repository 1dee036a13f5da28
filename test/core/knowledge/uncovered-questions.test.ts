import { describe, expect, it } from 'vitest';
import { messageWords } from '../../../src/core/knowledge/message-words.js';
import { detectUncoveredQuestions } from '../../../src/core/knowledge/uncovered-questions.js';

const codesOf = (text: string, qlik = false) =>
  detectUncoveredQuestions(messageWords(text), qlik).map((found) => found.code);

describe('detectUncoveredQuestions', () => {
  it.for([
    { text: 'what happens when the tenant passes its 500GB storage quota?', expected: ['size-limit'] },
    { text: 'how much RAM does one node need for 200 users', expected: ['size-limit'] },
    { text: 'max number of apps per stream?', expected: ['other-limit'] },
    { text: 'the scheduler runs at most 4 reload tasks in parallel', expected: ['other-limit'] },
    { text: 'restrict each user to one session', expected: ['one-session-per-user'] },
    { text: 'allow only a single login per account', expected: ['one-session-per-user'] },
    { text: 'socket closed error in enigma when the wifi is slow', expected: ['socket-closed'] },
    { text: 'how many hours does one login access pass give per month?', expected: ['login-pass-arithmetic'] },
    { text: 'our plan includes 15 concurrent sessions per seat', expected: ['other-session-limit'] },
    { text: 'we need 10 parallel sessions for the power users', expected: [] },
    // Ours after all: the session limit, sessions left behind, the limit of five named.
    { text: 'can I raise the limit to 10?', expected: [] },
    { text: 'is the limit of parallel sessions per user configurable?', expected: [] },
    { text: 'is that one session or two?', expected: [] },
    { text: 'more than one session per user is normal', expected: [] },
    { text: 'closing the websocket does not end the proxy session', expected: [] },
    { text: 'a login pass lets you use up to 5 devices for an hour', expected: [] },
  ])('$text -> $expected', ({ text, expected }) => {
    expect(codesOf(text)).toEqual(expected);
  });

  it('takes a number of sessions in a message about Qlik for Qlik', () => {
    expect(codesOf('the hub shows 12 concurrent sessions for one user', true)).toEqual([]);
  });
});
