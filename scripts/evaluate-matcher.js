// Scoring of the knowledge matcher for `npm run eval` and the eval tests; test and tooling code, so not shipped in src.
import { z } from 'zod';

const caseSchema = z.object({
  text: z.string(),
  expect: z.array(z.string()),
  auto: z.boolean().nullable(),
});

/** JSON Lines of labelled messages (the shared eval format); the error names the line. */
export function parseEvalCases(text) {
  const cases = [];
  for (const [index, line] of text.split(/\r?\n/).entries()) {
    if (line.trim() === '') continue;
    let value;
    try {
      value = JSON.parse(line);
    } catch {
      return { ok: false, error: `line ${index + 1}: not JSON` };
    }
    const parsed = caseSchema.safeParse(value);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
      return { ok: false, error: `line ${index + 1}: ${issues}` };
    }
    cases.push(parsed.data);
  }
  return { ok: true, cases };
}

const ratio = (hits, total) => ({ hits, total, rate: total === 0 ? 1 : hits / total });

/**
 * Scores a matcher the way `npm run eval` reports it. `decide(text)` gives the ranked ids, whether the bot would
 * auto-reply in a watched channel, and whether a direct question would get an entry as its answer.
 * top-1: the first expected id (the cause) is ranked first; top-3: one expected id is among the matches;
 * recall: auto = true messages get an auto-reply; quiet: auto = false messages do not;
 * unanswered: messages with no expected id get no entry as a confident answer when asked directly.
 */
export function evaluateMatcher(decide, cases) {
  const failures = [];
  const counts = { top1: [0, 0], top3: [0, 0], recall: [0, 0], quiet: [0, 0], unanswered: [0, 0] };
  const score = (name, hit, failure) => {
    counts[name][1]++;
    if (hit) counts[name][0]++;
    else failures.push({ kind: name, ...failure });
  };
  for (const item of cases) {
    const decision = decide(item.text);
    const got = decision.ids;
    const failure = { text: item.text, expected: item.expect, got };
    if (item.expect.length > 0) {
      score('top1', got[0] === item.expect[0], failure);
      score(
        'top3',
        item.expect.some((id) => got.includes(id)),
        failure,
      );
    } else {
      score('unanswered', !decision.answers, failure);
    }
    if (item.auto === true) score('recall', decision.autoReply, failure);
    else if (item.auto === false) score('quiet', !decision.autoReply, failure);
  }
  const report = Object.fromEntries(Object.entries(counts).map(([name, [hits, total]]) => [name, ratio(hits, total)]));
  return { ...report, failures };
}
