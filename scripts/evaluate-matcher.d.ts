/** One labelled message: `expect` = the ids that answer it, cause first (empty for negatives); `auto` = should it auto-reply. */
export interface EvalCase {
  readonly text: string;
  readonly expect: readonly string[];
  readonly auto: boolean | null;
}

/** What the bot would do with one message: the ranked entry ids, the auto-reply, and a confident direct answer. */
export interface EvalDecision {
  readonly ids: readonly string[];
  readonly autoReply: boolean;
  readonly answers: boolean;
}

export type EvalMeasure = 'top1' | 'top3' | 'recall' | 'quiet' | 'unanswered';

export interface EvalFailure {
  readonly kind: EvalMeasure;
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

export type EvalReport = Readonly<Record<EvalMeasure, Ratio>> & { readonly failures: readonly EvalFailure[] };

export function parseEvalCases(text: string): { ok: true; cases: EvalCase[] } | { ok: false; error: string };
export function evaluateMatcher(decide: (text: string) => EvalDecision, cases: readonly EvalCase[]): EvalReport;
