import type { UserSummary } from '../core/verdict/index.js';

/** The column names are the `analyze --json` field names, so a CSV and the JSON read alike. */
const COLUMNS = [
  'user',
  'sessionsStarted',
  'peak',
  'peakAt',
  'denied',
  'limitDenials',
  'maxSessionCount',
  'licensed',
  'serviceAccount',
  'clients',
] as const;

/** One CSV field (RFC 4180); a value from a log that a spreadsheet would run as a formula is kept as text. */
function field(value: string | number | boolean | null): string {
  const text = value === null ? '' : String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Every user of the report as CSV, header first, CRLF line ends as spreadsheets expect. */
export function reportCsv(users: readonly UserSummary[]): string {
  const lines = [COLUMNS.join(','), ...users.map((user) => COLUMNS.map((column) => field(user[column])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}
