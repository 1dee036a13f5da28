import { certificateFinding } from './certificate-finding.js';
import type { CheckedService } from './checked-service.js';
import type { DoctorObservations } from './doctor-observations.js';
import type { DoctorFinding, DoctorReport } from './doctor-report.js';
import type { LiveResult } from './live-result.js';
import { proxyFindings } from './proxy-findings.js';
import { repositoryFindings } from './repository-findings.js';

const TLS_INSECURE: DoctorFinding = {
  code: 'tls-insecure',
  severity: 'warning',
  user: null,
  detail:
    'QLIK_TLS_INSECURE=true: server host names are not checked. ' +
    'Use the host names the Qlik certificates were issued for and set it to false.',
};

const REPOSITORY_NOT_CONFIGURED: DoctorFinding = {
  code: 'repository-not-configured',
  severity: 'info',
  user: null,
  detail: 'Set QLIK_REPOSITORY_URL (e.g. https://qs1:4242) to check licence allocations.',
};

const PROXIES_NOT_CONFIGURED: DoctorFinding = {
  code: 'proxies-not-configured',
  severity: 'info',
  user: null,
  detail: 'Set QLIK_PROXY_URLS (one URL per proxy node, e.g. https://qs1:4243) to check the proxy nodes.',
};

/** Doctor's rules over what the APIs answered: each check stands on its own; nothing answering at all is a failure. */
export function doctorFindings(observed: DoctorObservations): LiveResult<DoctorReport> {
  const findings: DoctorFinding[] = [certificateFinding(observed.certificate, observed.now)];
  if (observed.tlsInsecure) findings.push(TLS_INSECURE);
  const checks: CheckedService[] = [];
  for (const check of [
    observed.repository === undefined ? REPOSITORY_NOT_CONFIGURED : repositoryFindings(observed.repository),
    observed.proxies === undefined ? PROXIES_NOT_CONFIGURED : proxyFindings(observed.proxies),
  ]) {
    if ('code' in check) {
      findings.push(check);
    } else {
      checks.push(check);
      findings.push(...check.findings);
    }
  }
  if (checks.length > 0 && checks.every((check) => !check.reached)) {
    const problems = findings
      .filter((finding) => finding.severity === 'problem')
      .map((finding) => `- ${finding.detail}`);
    return {
      ok: false,
      error: { code: 'nothing-answered', message: `No Qlik Sense service answered:\n${problems.join('\n')}` },
    };
  }
  return { ok: true, value: { findings } };
}
