import type { FactsTable, Reply } from '../../bot/index.js';
import { toPlainText } from '../../core/text/index.js';

export interface TextStyle {
  /** ANSI colour and bold; only on a terminal and never with NO_COLOR. */
  readonly color: boolean;
}

const BOLD = '\u001b[1m';
const DIM = '\u001b[2m';
const RESET = '\u001b[0m';
const SOURCES_PER_ENTRY = 2;

/** Control characters from a log or a user must not move the cursor or recolour the terminal. */
function printable(text: string): string {
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');
}

function renderTable(table: FactsTable): string[] {
  const cells = [table.columns, ...table.rows].map((row) => row.map(printable));
  const widths = table.columns.map((_, column) => Math.max(...cells.map((row) => (row[column] ?? '').length)));
  const line = (row: readonly string[]) =>
    row
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  const [header = [], ...rows] = cells;
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)];
}

/** A Reply as text for a terminal or a pipe: headline, sections, facts, caveats, sources. */
export function renderReplyText(reply: Reply, style: TextStyle = { color: false }): string {
  const bold = (text: string) => (style.color ? `${BOLD}${text}${RESET}` : text);
  const dim = (text: string) => (style.color ? `${DIM}${text}${RESET}` : text);
  const out: string[] = [bold(printable(reply.headline))];

  if (reply.facts !== null && reply.facts.rows.length > 0) out.push('', ...renderTable(reply.facts));

  for (const section of reply.sections) {
    out.push('');
    if (section.title !== null) out.push(bold(printable(section.title)));
    for (const paragraph of section.paragraphs) out.push(printable(toPlainText(paragraph)));
    section.steps.forEach((step, index) => out.push(`  ${index + 1}. ${printable(toPlainText(step))}`));
  }

  if (reply.caveats.length > 0) {
    out.push('', bold('Caveats'));
    for (const caveat of reply.caveats) out.push(`  - ${printable(toPlainText(caveat))}`);
  }

  // Entries often cite the same article; a terminal shows it once. With several entries, each shows its main
  // sources only (`qlik-sessions kb ID` has them all), so a verdict does not end in a wall of links.
  const perEntry = reply.entries.length > 1 ? SOURCES_PER_ENTRY : Infinity;
  const cited = reply.entries.flatMap((entry) => entry.sources.slice(0, perEntry));
  const sources = [...new Map(cited.map((source) => [source.url, source])).values()];
  if (reply.entries.length > 0) {
    out.push(
      '',
      dim(`Knowledge: ${reply.entries.map((entry) => `${entry.id} (${printable(entry.title)})`).join(', ')}`),
    );
  }
  if (sources.length > 0) {
    out.push(dim('Sources:'));
    for (const source of sources) out.push(dim(`  - ${printable(source.title)}: ${source.url}`));
  }
  return `${out.join('\n')}\n`;
}
