import { sessionsPerEndpoint } from '../bot/index.js';
import { plural } from '../core/text/index.js';
import { SESSION_LIMIT } from '../core/verdict/index.js';
import { nodeErrorLine, virtualProxyColumn } from '../core/live/index.js';
import type { DoctorReport, EndReport, NodeError, SessionsReport } from '../core/live/index.js';

function table(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, index) => (widths[index] = Math.max(widths[index] ?? 0, cell.length)));
  return rows.map((row) =>
    `  ${row.map((cell, index) => (index === row.length - 1 ? cell : cell.padEnd(widths[index] ?? 0))).join('  ')}`.trimEnd(),
  );
}

function partialAnswer(errors: readonly NodeError[], consequence: string): string[] {
  if (errors.length === 0) return [];
  return [
    '',
    `Partial answer: ${plural(errors.length, 'proxy node / virtual proxy', 'proxy nodes / virtual proxies')} did not answer, so ${consequence}`,
    ...errors.map((error) => `  - ${nodeErrorLine(error)}`),
  ];
}

export function renderSessionsText(report: SessionsReport): string {
  const lines = [
    `${report.user}: ${plural(report.total, 'live proxy session')}${report.errors.length > 0 ? ' (at least)' : ''}`,
  ];
  const counts = sessionsPerEndpoint(report.sessions);
  if (counts.length > 0 || report.errors.length > 0) {
    lines.push(
      '',
      ...table([
        ['PROXY NODE', 'VIRTUAL PROXY', 'SESSIONS'],
        ...counts.map((entry) => [entry.proxy, virtualProxyColumn(entry.virtualProxy), String(entry.count)]),
        ...report.errors.map((error) => [error.proxy, virtualProxyColumn(error.virtualProxy), 'no answer']),
      ]),
    );
  }
  if (report.sessions.length > 0) {
    lines.push(
      '',
      'Sessions:',
      ...table([
        ['SESSION ID', 'PROXY NODE', 'VIRTUAL PROXY'],
        ...report.sessions.map((session) => [
          session.sessionId,
          session.proxy,
          virtualProxyColumn(session.virtualProxy),
        ]),
      ]),
    );
  }
  if (report.total >= SESSION_LIMIT) {
    lines.push(
      '',
      `At the limit: Qlik Sense allows ${SESSION_LIMIT} parallel sessions per user. To free them: qlik-sessions end '${report.user}' --yes`,
    );
  } else if (report.total === SESSION_LIMIT - 1) {
    lines.push(
      '',
      `One below the limit of ${SESSION_LIMIT}: the next browser, incognito window or API client will be refused.`,
    );
  }
  lines.push(...partialAnswer(report.errors, 'the real total may be higher. Fix those nodes and ask again.'));
  return `${lines.join('\n')}\n`;
}

export function renderEndText(report: EndReport): string {
  const lines = [
    report.ended === 0
      ? `${report.user} had no live proxy sessions to end.`
      : `Ended ${plural(report.ended, 'proxy session')} of ${report.user}. The access pass can be used again after about 5 minutes.`,
  ];
  lines.push(
    ...partialAnswer(report.errors, 'sessions there may still be open. Run the command again when they answer.'),
  );
  return `${lines.join('\n')}\n`;
}

const SEVERITY_ORDER = { problem: 0, warning: 1, info: 2 } as const;

export function renderDoctorText(report: DoctorReport): string {
  const count = (severity: 'problem' | 'warning') =>
    report.findings.filter((finding) => finding.severity === severity).length;
  const problems = count('problem');
  const warnings = count('warning');
  const headline =
    problems + warnings === 0
      ? 'Doctor: no known cause of the session errors found.'
      : `Doctor: ${plural(problems, 'problem')}, ${plural(warnings, 'warning')}.`;
  const findings = [...report.findings].sort(
    (left, right) => SEVERITY_ORDER[left.severity] - SEVERITY_ORDER[right.severity],
  );
  const lines = [headline, ''];
  // Without the setting the main check did not run: say so at the top, not only among the findings.
  if (report.findings.some((finding) => finding.code === 'no-service-accounts'))
    lines.splice(1, 0, 'The main check (a licensed service account) needs QLIK_SERVICE_ACCOUNTS: see below.');
  for (const finding of findings) {
    lines.push(
      `  ${finding.severity.toUpperCase().padEnd(7)}  ${finding.code}${finding.user === null ? '' : ` (${finding.user})`}`,
      `           ${finding.detail}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
