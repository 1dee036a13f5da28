import { chartedTimeline, timelineAltText, timelineSvg, type ChartableReport } from '../core/timeline/index.js';
import type { AnalysisReport } from '../core/verdict/index.js';
import type { Reply, ReplyPicture } from './reply.js';
import { reportCsv } from './report-csv.js';
import { reportText } from './report-text.js';
import { safeFileName } from './safe-file-name.js';

/** The verdict's timeline picture (for verdicts about a user) and the full report files, for surfaces that use them. */
export function withVerdictAttachments(
  reply: Reply,
  report: AnalysisReport & ChartableReport,
  timeZone: string,
): Reply {
  const timeline = chartedTimeline(report);
  const pictures: ReplyPicture[] =
    timeline === undefined
      ? []
      : [
          {
            name: `timeline-${safeFileName(timeline.user)}`,
            title: `Proxy sessions of ${timeline.user}`,
            altText: timelineAltText(timeline, timeZone),
            svg: timelineSvg(timeline, { timeZone }),
          },
        ];
  const stem =
    report.verdict.user === null ? 'qlik-sessions-report' : `qlik-sessions-report-${safeFileName(report.verdict.user)}`;
  return {
    ...reply,
    facts:
      reply.facts === null ? null : { ...reply.facts, total: Math.max(reply.facts.rows.length, report.users.length) },
    pictures,
    fullReport: [
      {
        fileName: `${stem}-users.csv`,
        title: `Every user in the excerpt (${report.users.length})`,
        content: reportCsv(report.users),
      },
      { fileName: `${stem}.txt`, title: 'The full report', content: reportText(reply, report) },
    ],
  };
}
