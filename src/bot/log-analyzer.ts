import type { LogInput } from '../core/logs/index.js';
import { analyzeLogs, type AnalysisReport, type AnalyzeOptions } from '../core/verdict/index.js';

/** Why an analysis gave no report: every worker busy and the queue full, or the worker failed (crashed, hung). */
export type AnalysisUnavailable =
  { readonly code: 'busy' } | { readonly code: 'failed'; readonly reason: 'crashed' | 'hung' | 'stopped' };

export type AnalysisResult =
  { readonly ok: true; readonly report: AnalysisReport } | { readonly ok: false; readonly error: AnalysisUnavailable };

/**
 * What the bot needs to turn log inputs into a report. In-process by default; Slack and the watch inject the
 * worker pool (adapters/analysis-worker), which can refuse when busy. A failing input stream still rejects.
 */
export type LogAnalyzer = (
  inputs: Iterable<LogInput> | AsyncIterable<LogInput>,
  options?: AnalyzeOptions,
) => Promise<AnalysisResult>;

/** The analysis in this thread: for the console and the CLI, where one person waits for one answer. */
export const analyzeInProcess: LogAnalyzer = async (inputs, options) => ({
  ok: true,
  report: await analyzeLogs(inputs, options),
});
