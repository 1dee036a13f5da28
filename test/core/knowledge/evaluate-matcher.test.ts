import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../../src/adapters/knowledge-files/index.js';
import { createKnowledgeBase, evaluateMatcher, parseEvalCases, type KnowledgeEntry } from '../../../src/core/knowledge/index.js';
import { hasSharedFixture, REPO_ROOT, sharedPath } from '../../support/shared-fixtures.js';

const DEV_SET = sharedPath('eval', 'phrasings-dev.jsonl');

describe.skipIf(!hasSharedFixture(DEV_SET))('the matcher on the labelled dev set (same scoring as npm run eval)', () => {
  it('reaches top-3 >= 90%, auto-reply recall >= 95%, quiet on >= 97% of negatives', async () => {
    const cases = parseEvalCases(readFileSync(DEV_SET, 'utf8'));
    if (!cases.ok) throw new Error(cases.error);
    const loaded = await loadKnowledgeBase({});
    if (!loaded.ok) throw new Error(loaded.error);
    const report = evaluateMatcher(loaded.knowledge, cases.cases);
    expect(report.top3.total).toBeGreaterThan(0);
    expect(report.recall.total).toBeGreaterThan(0);
    expect(report.quiet.total).toBeGreaterThan(0);
    expect(report.top3.rate).toBeGreaterThanOrEqual(0.9);
    expect(report.recall.rate).toBeGreaterThanOrEqual(0.95);
    expect(report.quiet.rate).toBeGreaterThanOrEqual(0.97);
  });
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]));
}

// The hub's own messages are the errors to recognise, so they may appear anywhere; people's sentences may not.
const HUB_MESSAGES = /you cannot access qlik sense because you have (?:no access pass|too many sessions active in paral+el+)/g;
// URLs are the sources' own addresses, not sentences.
const wordsOf = (text: string) => text.toLowerCase().replace(/https?:\/\/\S+/g, ' ').replace(HUB_MESSAGES, ' ').match(/[a-z0-9]+/g) ?? [];

describe.skipIf(!hasSharedFixture(DEV_SET))('the dev messages are not copied into the entries or the code', () => {
  it('shares no run of six words with any dev message', () => {
    const size = 6;
    const runs = new Map<string, string>();
    for (const file of [...filesUnder(join(REPO_ROOT, 'knowledge')), ...filesUnder(join(REPO_ROOT, 'src'))]) {
      const words = wordsOf(readFileSync(file, 'utf8'));
      for (let i = 0; i + size <= words.length; i++) runs.set(words.slice(i, i + size).join(' '), file);
    }
    const cases = parseEvalCases(readFileSync(DEV_SET, 'utf8'));
    if (!cases.ok) throw new Error(cases.error);
    const copied = cases.cases.flatMap((item) => {
      const words = wordsOf(item.text);
      return words.slice(0, Math.max(0, words.length - size + 1)).flatMap((_, i) => {
        const run = words.slice(i, i + size).join(' ');
        const file = runs.get(run);
        return file === undefined ? [] : [`"${run}" in ${file}`];
      });
    });
    expect(copied).toEqual([]);
  });
});

describe('evaluateMatcher', () => {
  const entry: KnowledgeEntry = {
    id: 'five-session-limit',
    title: 'Five sessions',
    answer: ['Five.'],
    fix: ['Log out.'],
    confirm: ['Log.'],
    related: [],
    sources: [{ title: 'S', url: 'https://example.test' }],
    triggers: ['too many sessions active in parallel'],
    keywords: [],
  };
  const knowledge = createKnowledgeBase([entry]);

  it('counts top-3 hits, auto-reply recall and quiet negatives, and lists the misses', () => {
    const report = evaluateMatcher(knowledge, [
      { text: 'too many sessions active in parallel', expect: ['five-session-limit'], auto: true },
      { text: 'lunch?', expect: ['five-session-limit'], auto: null },
      { text: 'QlikView CAL', expect: [], auto: false },
      { text: 'not scored', expect: [], auto: null },
    ]);
    expect(report.top3).toEqual({ hits: 1, total: 2, rate: 0.5 });
    expect(report.recall).toEqual({ hits: 1, total: 1, rate: 1 });
    expect(report.quiet).toEqual({ hits: 1, total: 1, rate: 1 });
    expect(report.failures).toEqual([{ kind: 'top3', text: 'lunch?', expected: ['five-session-limit'], got: [] }]);
  });

  it.for([
    { name: 'a line that is not JSON', text: '{"text": "a", "expect": [], "auto": null}\nnope', error: 'line 2: not JSON' },
    { name: 'a line without expect', text: '{"text": "a", "auto": true}', error: 'line 1: expect' },
  ])('rejects $name, naming the line', ({ text, error }) => {
    expect(parseEvalCases(text)).toEqual({ ok: false, error: expect.stringContaining(error) });
  });
});
