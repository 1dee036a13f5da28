import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateMatcher, parseEvalCases } from '../../../scripts/evaluate-matcher.js';
import { botDecision, builtInKnowledge, expectIssueTargets, readEvalCases } from '../../support/matcher-eval.js';
import { hasSharedFixture, REPO_ROOT, sharedPath } from '../../support/shared-fixtures.js';

const DEV_SET = sharedPath('eval', 'phrasings-dev.jsonl');

describe.skipIf(!hasSharedFixture(DEV_SET))(
  'the matcher on the labelled dev set (same scoring as npm run eval)',
  () => {
    // The dev set ranks the limit before scripts that hit it; the issue (and our sets) put the named cause first,
    // so top-1 here is only kept from falling back, the other measures hold the targets.
    it('keeps top-3 >= 97%, recall >= 97%, quiet >= 99%, and top-1 at its measured floor', async () => {
      const report = evaluateMatcher(botDecision(await builtInKnowledge()), readEvalCases(DEV_SET));
      expect(report.top3.total).toBeGreaterThan(0);
      expect(report.recall.total).toBeGreaterThan(0);
      expect(report.quiet.total).toBeGreaterThan(0);
      expectIssueTargets(report, 0.65);
      // Its session and licence questions that no entry covers get the pointer to help, not a neighbour.
      expect(report.unanswered.rate).toBeGreaterThanOrEqual(0.85);
    });
  },
);

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

// The hub's own messages are the errors to recognise, so they may appear anywhere; people's sentences may not.
const HUB_MESSAGES =
  /you cannot access qlik sense because you have (?:no access pass|too many sessions active in paral+el+)/g;
// URLs are the sources' own addresses, not sentences.
const wordsOf = (text: string) =>
  text
    .toLowerCase()
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(HUB_MESSAGES, ' ')
    .match(/[a-z0-9]+/g) ?? [];

describe.skipIf(!hasSharedFixture(DEV_SET))('the dev messages are not copied into the entries or the code', () => {
  it('shares no run of six words with any dev message', () => {
    const size = 6;
    const runs = new Map<string, string>();
    for (const file of [...filesUnder(join(REPO_ROOT, 'knowledge')), ...filesUnder(join(REPO_ROOT, 'src'))]) {
      const words = wordsOf(readFileSync(file, 'utf8'));
      for (let i = 0; i + size <= words.length; i++) runs.set(words.slice(i, i + size).join(' '), file);
    }
    const copied = readEvalCases(DEV_SET).flatMap((item) => {
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
  const decisions: Readonly<Record<string, { ids: string[]; autoReply: boolean; answers: boolean }>> = {
    'cause and error': { ids: ['tabs-vs-browsers', 'five-session-limit'], autoReply: true, answers: true },
    'error only': { ids: ['five-session-limit'], autoReply: true, answers: true },
    'QlikView CAL': { ids: [], autoReply: false, answers: false },
    gMSA: { ids: ['service-account-license'], autoReply: false, answers: true },
  };
  const decide = (text: string) => decisions[text] ?? { ids: [], autoReply: false, answers: false };

  it('counts top-1 (the cause first), top-3, recall, quiet and unanswered negatives, and lists the misses', () => {
    const report = evaluateMatcher(decide, [
      { text: 'cause and error', expect: ['tabs-vs-browsers', 'five-session-limit'], auto: true },
      { text: 'error only', expect: ['tabs-vs-browsers', 'five-session-limit'], auto: true },
      { text: 'QlikView CAL', expect: [], auto: false },
      { text: 'gMSA', expect: [], auto: false },
    ]);
    expect(report.top1).toEqual({ hits: 1, total: 2, rate: 0.5 });
    expect(report.top3).toEqual({ hits: 2, total: 2, rate: 1 });
    expect(report.recall).toEqual({ hits: 2, total: 2, rate: 1 });
    expect(report.quiet).toEqual({ hits: 2, total: 2, rate: 1 });
    expect(report.unanswered).toEqual({ hits: 1, total: 2, rate: 0.5 });
    expect(report.failures.map((failure) => `${failure.kind}: ${failure.text}`)).toEqual([
      'top1: error only',
      'unanswered: gMSA',
    ]);
  });

  it.for([
    {
      name: 'a line that is not JSON',
      text: '{"text": "a", "expect": [], "auto": null}\nnope',
      error: 'line 2: not JSON',
    },
    { name: 'a line without expect', text: '{"text": "a", "auto": true}', error: 'line 1: expect' },
  ])('rejects $name, naming the line', ({ text, error }) => {
    expect(parseEvalCases(text)).toEqual({ ok: false, error: expect.stringContaining(error) });
  });
});
