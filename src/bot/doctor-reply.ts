import type { DoctorReport } from '../core/live/index.js';
import type { Reply } from './reply.js';

/** The site checks: problems first, then warnings, then information. */
export function doctorReply(report: DoctorReport): Reply {
  const order = { problem: 0, warning: 1, info: 2 } as const;
  const findings = [...report.findings].sort((a, b) => order[a.severity] - order[b.severity]);
  const problems = findings.filter((finding) => finding.severity === 'problem').length;
  const headline =
    findings.length === 0
      ? 'No known cause of session or access-pass trouble found on this site.'
      : problems > 0
        ? `${problems} problem${problems === 1 ? '' : 's'} found on this site that can cause session or access-pass trouble.`
        : findings.some((finding) => finding.code === 'no-service-accounts')
          ? 'No problems found, but the main check (a licensed service account) needs QLIK_SERVICE_ACCOUNTS: see below.'
          : 'No problems found on this site, only the notes below.';
  return {
    tone: 'live',
    headline,
    sections: [],
    facts:
      findings.length === 0
        ? null
        : {
            columns: ['severity', 'check', 'user', 'detail'],
            rows: findings.map((finding) => [finding.severity, finding.code, finding.user ?? '', finding.detail]),
          },
    entries: [],
    caveats: [],
    actions: [],
  };
}
