import { describe, expect, it } from 'vitest';
import { canonicalWord, contentTerms, messageTokens, messageWords } from '../../../src/core/knowledge/message-words.js';
import { normalizeMessage } from '../../../src/core/knowledge/normalize-message.js';

describe('normalizeMessage', () => {
  it.for([
    { name: 'emoji go', text: ':warning: paralell :x:', expected: 'paralell' },
    { name: 'HTML entities are decoded', text: 'A &amp; B &lt;ok&gt; &quot;q&quot;', expected: 'a b ok q' },
    { name: 'code spans and formatting go', text: '*bold* _it_ ~st~ `code`', expected: 'bold it st code' },
    {
      name: 'camelCase is split',
      text: 'OnMaxParallelSessionsExceeded',
      expected: 'on max parallel sessions exceeded',
    },
    {
      name: 'QlikView stays one product, QlikSense two words',
      text: 'QlikView vs QlikSense',
      expected: 'qlikview vs qlik sense',
    },
    { name: 'contractions become not', text: "can't won't doesn't", expected: 'can not will not does not' },
    {
      name: 'plural acronyms and Apple devices stay one word',
      text: 'two PCs, an iPad and the APIs',
      expected: 'two pcs an ipad and the apis',
    },
  ])('$name', ({ text, expected }) => {
    expect(normalizeMessage(text)).toBe(expected);
  });
});

describe('canonical words', () => {
  it.for([
    ['paralell', 'parallel'],
    ['parallell', 'parallel'],
    ['sesions', 'session'],
    ['sessons', 'session'],
    ['connections', 'session'],
    ['licence', 'licens'],
    ['licensed', 'licens'],
    ['denied', 'deny'],
    ['refused', 'deny'],
    ['rejected', 'deny'],
    ['blocked', 'deny'],
    ['concurrent', 'parallel'],
    ['simultaneous', 'parallel'],
    ['5th', 'five'],
    ['sixth', 'six'],
    ['Qloik', 'qlik'],
    ['analyser', 'analyzer'],
    ['embedded', 'embed'],
    // A plural is its singular: "apps" meets "app", and "API calls" is not a QlikView CAL.
    ['apps', 'app'],
    ['calls', 'call'],
  ])('%s -> %s', ([word, canonical]) => {
    expect(canonicalWord((word ?? '').toLowerCase())).toBe(canonical);
  });

  it('keeps unrelated words apart from the key vocabulary', () => {
    expect(canonicalWord('version')).not.toBe('session');
    expect(canonicalWord('excess')).not.toBe('access');
  });

  it('reads phrases as one word', () => {
    expect(messageWords('I logged out, signed in again, it timed out at the same time in an i-frame')).toEqual([
      'i',
      'logout',
      'login',
      'again',
      'it',
      'timeout',
      'parallel',
      'in',
      'an',
      'ifram',
    ]);
  });

  it('keeps the words as written beside their canonical form, phrases whole', () => {
    expect(messageTokens('Licences logged out at once')).toEqual([
      { written: 'licences', word: 'licens' },
      { written: 'logged out', word: 'logout' },
      { written: 'at once', word: 'parallel' },
    ]);
  });

  it.for([
    { text: 'log the user out', expected: ['logout', 'the', 'user'] },
    { text: 'the session was left open', expected: ['the', 'session', 'was', 'leftover'] },
    { text: 'users were turned away', expected: ['user', 'were', 'deny'] },
    { text: 'we ran out of sessions', expected: ['we', 'exhaust', 'session'] },
    { text: 'behind an F5 load balancer', expected: ['behind', 'an', 'loadbalancer', 'loadbalancer'] },
    { text: 'it can leave sessions behind', expected: ['it', 'can', 'leftover', 'session'] },
    { text: 'raise or increase the limit', expected: ['increas', 'or', 'increas', 'the', 'limit'] },
  ])('reads "$text" as $expected', ({ text, expected }) => {
    expect(messageWords(text)).toEqual(expected);
  });

  it('gives no weight to filler and bare numbers, but keeps them for reading', () => {
    const words = messageWords('the hub says two users keep getting 30 errors every day');
    expect(words).toContain('say');
    expect(contentTerms(words).filter((term) => !term.includes(' '))).toEqual(['hub', 'user', 'error']);
  });
});

describe('messageWords: product names', () => {
  it('reads client-managed Qlik Sense by any of its names as Qlik', () => {
    expect(messageWords('Qlik Sense Enterprise on Windows')).toEqual(['qlik']);
    expect(messageWords('QSEoW')).toEqual(['qlik']);
    expect(messageWords('client-managed Qlik Sense')).toEqual(['qlik']);
  });

  it('reads "get rid of" as ending', () => {
    expect(messageWords('get rid of old sessions')).toEqual(['end', 'old', 'session']);
  });

  it('reads "end up" as where something lands, not as ending a session', () => {
    expect(messageWords('users end up with two sessions')).not.toContain('end');
  });
});

describe('normalizeMessage: prefixes', () => {
  it('drops the name of a virtual proxy prefix, keeps API paths', () => {
    expect(normalizeMessage('users of the /mobile prefix')).toBe('users of the prefix');
    expect(normalizeMessage('DELETE /qps/user returns 403')).toBe('delete qps user returns 403');
  });
});
