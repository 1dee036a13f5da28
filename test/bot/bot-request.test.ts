import { describe, expect, it } from 'vitest';
import { parseBotRequest, stripAddress, type BotRequest } from '../../src/bot/bot-request.js';

describe('parseBotRequest', () => {
  it.for<[string, BotRequest]>([
    ['', { kind: 'help' }],
    ['help', { kind: 'help' }],
    ['  HELP  ', { kind: 'help' }],
    ['help analyze', { kind: 'help' }],
    ['@qlik-sessions help', { kind: 'help' }],
    ['/qlik-sessions help', { kind: 'help' }],
    ['help me, users get too many sessions', { kind: 'ask', text: 'help me, users get too many sessions' }],
    ['analyze', { kind: 'analyze', text: '' }],
    ['analyse ```a\nb```', { kind: 'analyze', text: '```a\nb```' }],
    ['kb', { kind: 'kb', id: null }],
    ['kb Five-Session-Limit', { kind: 'kb', id: 'five-session-limit' }],
    ['ask', { kind: 'help' }],
    ['ask why am I refused?', { kind: 'ask', text: 'why am I refused?' }],
    ['sessions CORP\\jdoe', { kind: 'sessions', user: 'CORP\\jdoe' }],
    ["sessions 'CORP\\jdoe'", { kind: 'sessions', user: 'CORP\\jdoe' }],
    ['sessions “CORP\\jdoe”', { kind: 'sessions', user: 'CORP\\jdoe' }],
    ['licenses `CORP\\jdoe`', { kind: 'licenses', user: 'CORP\\jdoe' }],
    ['sessions', { kind: 'sessions', user: null }],
    ['sessions jdoe', { kind: 'sessions', user: 'jdoe' }],
    ['sessions keep piling up, why?', { kind: 'ask', text: 'sessions keep piling up, why?' }],
    ['licences CORP\\jdoe', { kind: 'licenses', user: 'CORP\\jdoe' }],
    ['licenses CORP\\jdoe please', { kind: 'licenses', user: 'CORP\\jdoe' }],
    ['doctor', { kind: 'doctor' }],
    ['doctor who?', { kind: 'ask', text: 'doctor who?' }],
    ['hlep', { kind: 'did-you-mean', typed: 'hlep', suggestion: 'help' }],
    ['sesions CORP\\jdoe', { kind: 'did-you-mean', typed: 'sesions', suggestion: 'sessions CORP\\jdoe' }],
    ['sesions keep piling up, why?', { kind: 'ask', text: 'sesions keep piling up, why?' }],
    ['thanks', { kind: 'ask', text: 'thanks' }],
    [
      'You cannot access Qlik Sense because you have too many sessions active in parallel',
      { kind: 'ask', text: 'You cannot access Qlik Sense because you have too many sessions active in parallel' },
    ],
  ])('parses %j', ([text, expected]) => {
    expect(parseBotRequest(text)).toEqual(expected);
  });
});

describe('stripAddress', () => {
  it('removes the bot name typed in front, repeated, but keeps it further on', () => {
    expect(stripAddress('@qlik-sessions /qlik-sessions: tell @qlik-sessions about it')).toBe(
      'tell @qlik-sessions about it',
    );
  });
});
