import { describe, expect, it } from 'vitest';
import { didYouMean, KNOWLEDGE_IDS } from '../../../src/core/knowledge/index.js';

const COMMANDS = ['help', 'analyze', 'kb', 'ask', 'sessions', 'licenses', 'doctor', 'why', 'end'];

describe('didYouMean', () => {
  it.for([
    ['hlep', 'help'],
    ['sesions', 'sessions'],
    ['sessoins', 'sessions'],
    ['licneses', 'licenses'],
    ['docter', 'doctor'],
    ['ANALYZ', 'analyze'],
  ])('reads the command %s as %s', ([input, expected]) => {
    expect(didYouMean(input ?? '', COMMANDS)).toBe(expected);
  });

  it.for([
    ['five-sesion-limit', 'five-session-limit'],
    ['tabs-vs-browser', 'tabs-vs-browsers'],
    ['count-session', 'count-sessions'],
    ['qlik-cloud-session', 'qlik-cloud-sessions'],
  ])('reads the knowledge id %s as %s', ([input, expected]) => {
    expect(didYouMean(input ?? '', KNOWLEDGE_IDS)).toBe(expected);
  });

  it('suggests nothing for a word that is not close to any, or close to two alike', () => {
    expect(didYouMean('lunch', COMMANDS)).toBeUndefined();
    expect(didYouMean('', COMMANDS)).toBeUndefined();
    expect(didYouMean('ab', ['ac', 'ad'])).toBeUndefined();
    expect(didYouMean('x', COMMANDS)).toBeUndefined();
  });
});
