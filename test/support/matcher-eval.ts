import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { loadKnowledgeBase } from '../../src/adapters/knowledge-files/index.js';
import { answersConfidently, decideChannelMessage } from '../../src/bot/index.js';
import type { KnowledgeBase } from '../../src/core/knowledge/index.js';
import type { evaluateMatcher } from '../../scripts/evaluate-matcher.js';
import { parseEvalCases, type EvalCase, type EvalDecision } from '../../scripts/evaluate-matcher.js';

/** The built-in knowledge base, as `npm run eval` loads it. */
export async function builtInKnowledge(): Promise<KnowledgeBase> {
  const loaded = await loadKnowledgeBase({});
  if (!loaded.ok) throw new Error(loaded.error);
  return loaded.knowledge;
}

/** What the bot does with a message, in the terms the eval scores (the same decision `npm run eval` uses). */
export function botDecision(knowledge: KnowledgeBase): (text: string) => EvalDecision {
  return (text) => {
    const decision = decideChannelMessage(knowledge, text);
    return {
      ids: decision.match.matches.map((match) => match.id),
      autoReply: decision.kind !== 'quiet',
      answers: answersConfidently(decision.match),
    };
  };
}

export function readEvalCases(path: string): EvalCase[] {
  const parsed = parseEvalCases(readFileSync(path, 'utf8'));
  if (!parsed.ok) throw new Error(`${path}: ${parsed.error}`);
  return parsed.cases;
}

/** Issue 11's targets: top-1 at least `top1` (90% unless a set says why not), top-3, recall and quiet as the issue sets. */
export function expectIssueTargets(report: ReturnType<typeof evaluateMatcher>, top1 = 0.9): void {
  expect(report.top1.rate).toBeGreaterThanOrEqual(top1);
  expect(report.top3.rate).toBeGreaterThanOrEqual(0.97);
  expect(report.recall.rate).toBeGreaterThanOrEqual(0.97);
  expect(report.quiet.rate).toBeGreaterThanOrEqual(0.99);
}
