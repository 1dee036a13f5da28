import type { analyzeLogs, AnalysisReport } from '../../core/verdict/index.js';
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

/** The verdict for one user over the last `sinceMs` of the log folders: the same analysis as a pasted excerpt. */
export async function whyFromLogs(
  reader: LogFolderReader,
  analyze: typeof analyzeLogs,
  user: string,
  sinceMs: number,
  options: { readonly now: number; readonly serviceAccounts: readonly string[] },
): Promise<WhyResult> {
  const to = options.now;
  const from = to - sinceMs;
  const selection = await reader.userLines(user, from, to);
  const report = await analyze(selection.inputs, { serviceAccounts: options.serviceAccounts });
  const userSeen = report.users.some((summary) => summary.user.toLowerCase() === user.toLowerCase());
  return { user, from, to, report, filesRead: selection.filesRead, filesSkipped: selection.filesSkipped, problems: selection.problems, userSeen };
}
