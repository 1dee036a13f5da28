import type { AnalysisReport } from '../../core/verdict/index.js';
import type { AnalysisUnavailable, LogAnalyzer } from '../log-analyzer.js';
import type { LogFolderReader } from './watch-ports.js';

export interface WhyResult {
  readonly user: string;
  readonly from: number;
  readonly to: number;
  readonly report: AnalysisReport;
  readonly filesRead: number;
  readonly filesSkipped: number;
  readonly problems: readonly string[];
  /** No line of the span names the user. */
  readonly userSeen: boolean;
}

export type WhyOutcome =
  { readonly ok: true; readonly result: WhyResult } | { readonly ok: false; readonly error: AnalysisUnavailable };

/** The verdict for one user over the last `sinceMs` of the log folders: the same analysis as a pasted excerpt. */
export async function whyFromLogs(
  reader: LogFolderReader,
  analyze: LogAnalyzer,
  user: string,
  sinceMs: number,
  options: { readonly now: number; readonly serviceAccounts: readonly string[] },
): Promise<WhyOutcome> {
  const to = options.now;
  const from = to - sinceMs;
  const selection = await reader.userLines(user, from, to);
  const outcome = await analyze(selection.inputs, { serviceAccounts: options.serviceAccounts });
  if (!outcome.ok) return outcome;
  const { report } = outcome;
  const userSeen = report.users.some((summary) => summary.user.toLowerCase() === user.toLowerCase());
  return {
    ok: true,
    result: {
      user,
      from,
      to,
      report,
      filesRead: selection.filesRead,
      filesSkipped: selection.filesSkipped,
      problems: selection.problems,
      userSeen,
    },
  };
}
