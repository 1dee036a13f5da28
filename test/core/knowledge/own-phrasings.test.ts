import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateMatcher, type EvalCase } from '../../../scripts/evaluate-matcher.js';
import { KNOWLEDGE_IDS, type KnowledgeBase } from '../../../src/core/knowledge/index.js';
import { botDecision, builtInKnowledge, expectIssueTargets, readEvalCases } from '../../support/matcher-eval.js';
import { hasSharedFixture, REPO_ROOT, sharedPath } from '../../support/shared-fixtures.js';

// Our own held-out style messages (not the dev set): the matcher is tuned for kinds of message, so it must hold here too.
const OWN_SET = join(REPO_ROOT, 'test', 'fixtures', 'matcher', 'own-phrasings.jsonl');
// Written for issue 11 before the matcher was tuned for it: one group of phrasings per cause the issue names.
const CAUSE_SET = join(REPO_ROOT, 'test', 'fixtures', 'matcher', 'cause-phrasings.jsonl');
// Written for the second round of issue 11, before tuning: the limit told in general terms, causes beside the quoted
// error, and session or licence questions no entry covers (which must get the pointer to help, not a neighbour).
const COMMUNITY_SET = join(REPO_ROOT, 'test', 'fixtures', 'matcher', 'community-phrasings.jsonl');
// Probes written while tuning that round (long Community posts, other products' limits): a few rules were fixed after
// they failed, so they guard against falling back rather than measure held-out quality.
const PROBE_SET = join(REPO_ROOT, 'test', 'fixtures', 'matcher', 'probe-phrasings.jsonl');
const DEV_SET = sharedPath('eval', 'phrasings-dev.jsonl');

let knowledge: KnowledgeBase;
let own: EvalCase[];
let causes: EvalCase[];
let community: EvalCase[];
let probes: EvalCase[];
beforeAll(async () => {
  probes = readEvalCases(PROBE_SET);
  own = readEvalCases(OWN_SET);
  causes = readEvalCases(CAUSE_SET);
  community = readEvalCases(COMMUNITY_SET);
  knowledge = await builtInKnowledge();
});

describe('the matcher on our own phrasings (same scoring as npm run eval)', () => {
  it('covers every entry, with at least 120 messages and 40 close negatives in the older set', () => {
    expect(own.length).toBeGreaterThanOrEqual(120);
    expect(own.filter((item) => item.expect.length === 0 && item.auto === false).length).toBeGreaterThanOrEqual(40);
    const expected = new Set([...own, ...causes, ...community, ...probes].flatMap((item) => item.expect));
    expect([...KNOWLEDGE_IDS].filter((id) => !expected.has(id))).toEqual([]);
    expect([...expected].filter((id) => !(KNOWLEDGE_IDS as readonly string[]).includes(id))).toEqual([]);
  });

  it('holds top-1 >= 88%, top-3 >= 97%, recall >= 97% and quiet >= 99% on the older set', () => {
    const report = evaluateMatcher(botDecision(knowledge), own);
    expectIssueTargets(report, 0.88);
  });

  it("reaches the issue's targets on the cause set: top-1 >= 90%, top-3 >= 97%, recall >= 97%, quiet >= 99%", () => {
    const report = evaluateMatcher(botDecision(knowledge), causes);
    expect(report.top1.total).toBeGreaterThanOrEqual(90);
    expectIssueTargets(report);
  });

  it('reaches the targets on the second-round set, and gives no entry to most questions no entry covers', () => {
    const report = evaluateMatcher(botDecision(knowledge), community);
    expect(report.top1.total).toBeGreaterThanOrEqual(60);
    expect(report.unanswered.total).toBeGreaterThanOrEqual(40);
    expectIssueTargets(report);
    expect(report.unanswered.rate).toBeGreaterThanOrEqual(0.9);
  });

  it('stays quiet on every probe negative and holds the targets on the probe reports', () => {
    const report = evaluateMatcher(botDecision(knowledge), probes);
    expect(report.quiet.total).toBeGreaterThanOrEqual(35);
    expect(report.quiet.rate).toBe(1);
    expectIssueTargets(report);
  });
});

// The hub's own messages (and the word order the issue names) are quoted by everyone: they are the errors, not anybody's phrasing.
const HUB_MESSAGES =
  /you cannot access qlik sense because you have (?:no access pass|too many sessions active in paral+el+)|too many active sessions in paral+el+/g;
const wordsOf = (text: string) =>
  text
    .toLowerCase()
    .replace(HUB_MESSAGES, ' ')
    .match(/[a-z0-9]+/g) ?? [];

describe.skipIf(!hasSharedFixture(DEV_SET))('our phrasings are our own', () => {
  it('share no run of six words with a dev message', () => {
    const size = 6;
    const runs = new Set<string>();
    for (const item of [...own, ...causes, ...community, ...probes]) {
      const words = wordsOf(item.text);
      for (let i = 0; i + size <= words.length; i++) runs.add(words.slice(i, i + size).join(' '));
    }
    const copied = readEvalCases(DEV_SET).flatMap((item) => {
      const words = wordsOf(item.text);
      return words.slice(0, Math.max(0, words.length - size + 1)).flatMap((_, i) => {
        const run = words.slice(i, i + size).join(' ');
        return runs.has(run) ? [run] : [];
      });
    });
    expect(copied).toEqual([]);
  });
});
