import { toPlainText } from '../core/text/index.js';
import type { AnalysisReport } from '../core/verdict/index.js';
import type { Reply } from './reply.js';
import { USER_TABLE_COLUMNS, userTableRow } from './user-table-row.js';

function table(columns: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = columns.map((column, index) =>
    Math.max(column.length, ...rows.map((row) => (row[index] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, index) => cell.padEnd(widths[index] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(columns), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)];
}

/** The whole verdict as plain text: the reply, then every user and every finding (nothing cut), then what was read. */
export function reportText(reply: Reply, report: AnalysisReport): string {
  const out: string[] = [reply.headline];
  for (const section of reply.sections) {
    out.push('');
    if (section.title !== null) out.push(section.title);
    for (const paragraph of section.paragraphs) out.push(toPlainText(paragraph));
    section.steps.forEach((step, index) => out.push(`  ${index + 1}. ${toPlainText(step)}`));
  }
  out.push('', `Users (${report.users.length})`);
  out.push(
    ...table(
      USER_TABLE_COLUMNS,
      report.users.map((user) => userTableRow(user, user.peakAt ?? '')),
    ),
  );
  if (report.findings.length > 0) {
    out.push('', `Findings (${report.findings.length})`);
    for (const finding of report.findings)
      out.push(
        `  - ${finding.code} (${finding.severity})${finding.user === null ? '' : ` ${finding.user}`}: ${finding.detail}`,
      );
  }
  const { input } = report;
  out.push(
    '',
    `Input: ${input.lines} lines, ${input.recognized} recognised, ${input.skipped} skipped; formats ${input.formats.join(', ') || 'none'}; from ${input.from ?? '?'} to ${input.to ?? '?'}.`,
  );
  if (reply.caveats.length > 0) out.push('', 'Caveats', ...reply.caveats.map((caveat) => `  - ${toPlainText(caveat)}`));
  return `${out.join('\n')}\n`;
}
