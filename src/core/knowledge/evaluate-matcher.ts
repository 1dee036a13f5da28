import { z } from 'zod';
import type { KnowledgeBase } from './knowledge-base.js';

/** One labelled message: `expect` = the ids that answer it (empty for negatives), `auto` = should it auto-reply (null: not scored). */
export interface EvalCase {
  readonly text: string;
  readonly expect: readonly string[];
  readonly auto: boolean | null;
}

export interface EvalFailure {
  readonly kind: 'top3' | 'recall' | 'quiet';
  readonly text: string;
  readonly expected: readonly string[];
  readonly got: readonly string[];
}

export interface Ratio {
  readonly hits: number;
  readonly total: number;
  /** hits / total, or 1 when there is nothing to score. */
  readonly rate: number;
}

export interface EvalReport {
  /** Messages with expected ids where at least one of them is among the top three matches. */
  readonly top3: Ratio;
  /** Messages labelled auto = true that the matcher would auto-reply to. */
  readonly recall: Ratio;
  /** Messages labelled auto = false that the matcher stays quiet on. */
  readonly quiet: Ratio;
  readonly failures: readonly EvalFailure[];
}

const caseSchema = z.object({
  text: z.string(),
  expect: z.array(z.string()),
  auto: z.boolean().nullable(),
});

/** JSON Lines of labelled messages (the shared eval format); the error names the line. */
export function parseEvalCases(text: string): { ok: true; cases: EvalCase[] } | { ok: false; error: string } {
  const cases: EvalCase[] = [];
  const lines = text.split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      return { ok: false, error: `line ${index + 1}: not JSON` };
    }
    const parsed = caseSchema.safeParse(value);
    if (!parsed.success) return { ok: false, error: `line ${index + 1}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}` };
    cases.push(parsed.data);
  }
  return { ok: true, cases };
}

const ratio = (hits: number, total: number): Ratio => ({ hits, total, rate: total === 0 ? 1 : hits / total });

/** Scores the matcher the way `npm run eval` reports it: top-3 accuracy, auto-reply recall, quiet on negatives. */
export function evaluateMatcher(knowledge: KnowledgeBase, cases: readonly EvalCase[]): EvalReport {
  const failures: EvalFailure[] = [];
  let top3Hits = 0;
  let top3Total = 0;
  let recallHits = 0;
  let recallTotal = 0;
  let quietHits = 0;
  let quietTotal = 0;
  for (const item of cases) {
    const result = knowledge.match(item.text);
    const got = result.matches.map((match) => match.id);
    if (item.expect.length > 0) {
      top3Total++;
      if (item.expect.some((id) => got.includes(id))) top3Hits++;
      else failures.push({ kind: 'top3', text: item.text, expected: item.expect, got });
    }
    if (item.auto === true) {
      recallTotal++;
      if (result.autoReply) recallHits++;
      else failures.push({ kind: 'recall', text: item.text, expected: item.expect, got });
    } else if (item.auto === false) {
      quietTotal++;
      if (!result.autoReply) quietHits++;
      else failures.push({ kind: 'quiet', text: item.text, expected: item.expect, got });
    }
  }
  return { top3: ratio(top3Hits, top3Total), recall: ratio(recallHits, recallTotal), quiet: ratio(quietHits, quietTotal), failures };
}
