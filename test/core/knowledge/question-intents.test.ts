import { describe, expect, it } from 'vitest';
import { detectQuestionIntents } from '../../../src/core/knowledge/question-intents.js';
import { messageWords } from '../../../src/core/knowledge/message-words.js';

const intentsOf = (text: string) => detectQuestionIntents(messageWords(text)).map((intent) => intent.code);

describe('detectQuestionIntents', () => {
  it.for([
    { text: 'how many sessions can a user have?', expected: ['limit-question'] },
    { text: 'what is the maximum of parallel sessions per user', expected: ['limit-question'] },
    { text: 'can we raise the session limit?', expected: ['limit-question'] },
    { text: 'is the number of sessions configurable', expected: ['limit-question'] },
    { text: 'are users allowed more than five sessions', expected: ['limit-question'] },
    { text: 'each app opens its own session, and a user is limited to five sessions', expected: ['limit-named'] },
    { text: 'users on the hub are capped at 5 connections', expected: ['limit-named'] },
    { text: 'how do I see which users logged in to the hub last week', expected: ['count-question'] },
    { text: 'how many sessions does anna have right now?', expected: ['count-question'] },
    { text: 'which sessions are currently active for this user', expected: ['count-question'] },
    { text: 'how can I list the sessions she has open', expected: ['count-question'] },
    { text: 'what is the maximum number of apps in a stream?', expected: [] },
    { text: 'the reload failed last night', expected: [] },
    { text: 'users get logged out after 20 minutes', expected: ['timeout-question'] },
    // Left behind, not thrown out: "never logs out" is no timeout.
    { text: 'the warm-up job never logs out and runs every 10 minutes', expected: [] },
    { text: 'two screens, two browsers: will Qlik count two sessions?', expected: ['what-counts-question'] },
  ])('$text -> $expected', ({ text, expected }) => {
    expect(intentsOf(text)).toEqual(expected);
  });

  it('points limit questions about Qlik Cloud at the Qlik Cloud entry', () => {
    const [intent] = detectQuestionIntents(
      messageWords('what is the session limit per user in our Qlik Cloud tenant?'),
    );
    expect(intent?.code).toBe('limit-question');
    expect(Object.entries(intent?.boosts ?? {}).sort((a, b) => b[1] - a[1])[0]?.[0]).toBe('qlik-cloud-sessions');
  });
});
