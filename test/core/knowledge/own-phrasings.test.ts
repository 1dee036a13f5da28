import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../../src/adapters/knowledge-files/index.js';
import { evaluateMatcher, KNOWLEDGE_IDS, parseEvalCases, type EvalCase, type KnowledgeBase } from '../../../src/core/knowledge/index.js';
import { hasSharedFixture, REPO_ROOT, sharedPath } from '../../support/shared-fixtures.js';

// Our own held-out style messages (not the dev set): the matcher is tuned for kinds of message, so it must hold here too.
const OWN_SET = join(REPO_ROOT, 'test', 'fixtures', 'matcher', 'own-phrasings.jsonl');
const DEV_SET = sharedPath('eval', 'phrasings-dev.jsonl');

let knowledge: KnowledgeBase;
let cases: EvalCase[];
beforeAll(async () => {
  const parsed = parseEvalCases(readFileSync(OWN_SET, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error);
  cases = parsed.cases;
  const loaded = await loadKnowledgeBase({});
  if (!loaded.ok) throw new Error(loaded.error);
  knowledge = loaded.knowledge;
});

describe('the matcher on our own phrasings (same scoring as npm run eval)', () => {
  it('covers every entry, with at least 120 messages and 40 close negatives', () => {
    expect(cases.length).toBeGreaterThanOrEqual(120);
    expect(cases.filter((item) => item.expect.length === 0 && item.auto === false).length).toBeGreaterThanOrEqual(40);
    const expected = new Set(cases.flatMap((item) => item.expect));
    expect([...KNOWLEDGE_IDS].filter((id) => !expected.has(id))).toEqual([]);
    expect([...expected].filter((id) => !(KNOWLEDGE_IDS as readonly string[]).includes(id))).toEqual([]);
  });

  it('reaches top-3 >= 90%, auto-reply recall >= 95%, quiet on >= 97% of negatives', () => {
    const report = evaluateMatcher(knowledge, cases);
    expect(report.top3.rate).toBeGreaterThanOrEqual(0.9);
    expect(report.recall.rate).toBeGreaterThanOrEqual(0.95);
    expect(report.quiet.rate).toBeGreaterThanOrEqual(0.97);
  });
});

// The hub's own messages (and the word order the issue names) are quoted by everyone: they are the errors, not anybody's phrasing.
const HUB_MESSAGES = /you cannot access qlik sense because you have (?:no access pass|too many sessions active in paral+el+)|too many active sessions in paral+el+/g;
const wordsOf = (text: string) => text.toLowerCase().replace(HUB_MESSAGES, ' ').match(/[a-z0-9]+/g) ?? [];

describe.skipIf(!hasSharedFixture(DEV_SET))('our phrasings are our own', () => {
  it('share no run of six words with a dev message', () => {
    const size = 6;
    const runs = new Set<string>();
    for (const item of cases) {
      const words = wordsOf(item.text);
      for (let i = 0; i + size <= words.length; i++) runs.add(words.slice(i, i + size).join(' '));
    }
    const dev = parseEvalCases(readFileSync(DEV_SET, 'utf8'));
    if (!dev.ok) throw new Error(dev.error);
    const copied = dev.cases.flatMap((item) => {
      const words = wordsOf(item.text);
      return words.slice(0, Math.max(0, words.length - size + 1)).flatMap((_, i) => {
        const run = words.slice(i, i + size).join(' ');
        return runs.has(run) ? [run] : [];
      });
    });
    expect(copied).toEqual([]);
  });
});
