#!/usr/bin/env node
// `npm run eval`: scores the knowledge matcher on labelled messages (default ../shared/eval/phrasings-dev.jsonl).
// Runs on the compiled code in dist/ (the script builds first), so it measures exactly what ships.
import { readFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadKnowledgeBase } from '../dist/adapters/knowledge-files/index.js';
import { evaluateMatcher, parseEvalCases } from '../dist/core/knowledge/index.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const verbose = args.includes('--failures');
const file = args.find((arg) => !arg.startsWith('--')) ?? resolve(root, '..', 'shared', 'eval', 'phrasings-dev.jsonl');
const TARGETS = { top3: 0.9, recall: 0.95, quiet: 0.97 };

let text;
try {
  text = await readFile(file, 'utf8');
} catch (error) {
  console.error(`eval: cannot read ${file} (${error.code ?? error}); put shared/ beside the repository or pass a .jsonl path.`);
  process.exit(2);
}
const cases = parseEvalCases(text);
if (!cases.ok) {
  console.error(`eval: ${file}: ${cases.error}`);
  process.exit(2);
}
const loaded = await loadKnowledgeBase({ siteDir: process.env.QLIK_KB_DIR || undefined });
if (!loaded.ok) {
  console.error(`eval: ${loaded.error}`);
  process.exit(2);
}
const report = evaluateMatcher(loaded.knowledge, cases.cases);
const line = (label, ratio, target) =>
  `${label.padEnd(28)} ${(ratio.rate * 100).toFixed(1).padStart(5)}%  (${ratio.hits}/${ratio.total}, target ${target * 100}%)  ${ratio.rate >= target ? 'ok' : 'BELOW TARGET'}`;
console.log(`${cases.cases.length} messages from ${relative(process.cwd(), file) || file}`);
console.log(line('top-3 accuracy', report.top3, TARGETS.top3));
console.log(line('auto-reply recall', report.recall, TARGETS.recall));
console.log(line('quiet on negatives', report.quiet, TARGETS.quiet));
if (verbose) {
  for (const failure of report.failures) {
    console.log(`\n[${failure.kind}] expected ${failure.expected.join(', ') || '(nothing)'}; got ${failure.got.join(', ') || '(nothing)'}\n  ${failure.text.slice(0, 200)}`);
  }
} else if (report.failures.length > 0) {
  console.log(`${report.failures.length} miss(es); run with --failures to list them.`);
}
const met = report.top3.rate >= TARGETS.top3 && report.recall.rate >= TARGETS.recall && report.quiet.rate >= TARGETS.quiet;
process.exit(met ? 0 : 1);
