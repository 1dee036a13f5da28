import { plural } from '../text/index.js';
import { certificateFinding } from './certificate-finding.js';
import type {
  AccessPassKind,
  AccessPassOverview,
  DoctorObservations,
  ProxyObservations,
  RepositoryObservations,
  RootAdminCandidates,
} from './doctor-observations.js';
import type { DoctorFinding, DoctorReport } from './doctor-report.js';
import type { LiveFailure, LiveResult } from './live-result.js';
import { isUnreached } from './unreached.js';
import { virtualProxyLabel } from './virtual-proxy-label.js';

interface Checked {
  readonly reached: boolean;
  readonly findings: readonly DoctorFinding[];
}

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
  const checks: Checked[] = [];
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

/** An answer, or a refusal or an unreadable answer, shows the service was reached; a network failure does not. */
function heard(answer: LiveResult<unknown>): boolean {
  return answer.ok || !isUnreached(answer.error.code);
}

function repositoryFindings(repository: RepositoryObservations): Checked {
  const findings: DoctorFinding[] = [];
  const answers: LiveResult<unknown>[] = [repository.overview];
  const { overview } = repository;
  if (overview.ok) findings.push(...accessPassFindings(overview.value));
  else findings.push(overviewFailure(overview.error));
  if (repository.rootAdmins !== undefined) {
    answers.push(repository.rootAdmins);
    findings.push(noServiceAccountsFinding(repository.rootAdmins));
  }
  for (const { account, allocations } of repository.serviceAccounts) {
    answers.push(allocations);
    findings.push(serviceAccountFinding(account, allocations));
  }
  return { reached: answers.some(heard), findings };
}

function overviewFailure(error: LiveFailure): DoctorFinding {
  if (isUnreached(error.code))
    return { code: 'repository-unreachable', severity: 'problem', user: null, detail: error.message };
  return {
    code: 'licence-overview-unreadable',
    severity: 'warning',
    user: null,
    detail:
      `The licence overview (/qrs/license/accesstypeoverview) could not be used: ${error.message} ` +
      'The other checks ran without it.',
  };
}

const PASS_KINDS: readonly AccessPassKind[] = ['professional', 'analyzer', 'user', 'login'];

function accessPassFindings(overview: AccessPassOverview): DoctorFinding[] {
  return PASS_KINDS.flatMap((kind): DoctorFinding[] => {
    const summary = overview[kind];
    if (summary == null || summary.enabled === false || summary.available === undefined) return [];
    if (summary.total === undefined || summary.total === 0 || summary.available > 0) return [];
    return [
      {
        code: 'no-access-passes-left',
        severity: 'warning',
        user: null,
        detail:
          `All ${summary.total} ${kind} access passes are allocated; new users get "you have no access pass". ` +
          'Free allocations in the QMC (License management) or add licences.',
      },
    ];
  });
}

function serviceAccountFinding(
  account: string,
  allocations: RepositoryObservations['serviceAccounts'][number]['allocations'],
): DoctorFinding {
  if (!allocations.ok) {
    const unreached = isUnreached(allocations.error.code);
    return {
      code: unreached ? 'repository-unreachable' : 'service-account-unchecked',
      severity: unreached ? 'problem' : 'warning',
      user: account,
      detail: unreached
        ? allocations.error.message
        : `The licence allocations of ${account} could not be checked: ${allocations.error.message}`,
    };
  }
  if (allocations.value.length === 0) {
    return {
      code: 'service-account-unlicensed',
      severity: 'info',
      user: account,
      detail: `The service account ${account} holds no licence allocation, as it should.`,
    };
  }
  const types = [...new Set(allocations.value.map((allocation) => allocation.type))].join(', ');
  return {
    code: 'service-account-licensed',
    severity: 'problem',
    user: account,
    detail:
      `The service account ${account} holds a licence allocation (${types}). ` +
      'Its Monitoring-app and REST calls then count as sessions and can exhaust the limit; ' +
      'remove the allocation in the QMC (License management) and exclude the account from the allocation rules.',
  };
}

const SET_SERVICE_ACCOUNTS =
  'The main check, whether the account that runs the Qlik services holds a licence ' +
  '(its Monitoring-app calls then use up sessions), needs QLIK_SERVICE_ACCOUNTS: set it to that account ' +
  '(the Windows account of the Qlik services, e.g. DOMAIN\\qvservice) and run doctor again.';

function noServiceAccountsFinding(candidates: LiveResult<RootAdminCandidates>): DoctorFinding {
  const detail = !candidates.ok
    ? `${SET_SERVICE_ACCOUNTS} The RootAdmins could not be listed as candidates: ${candidates.error.message}`
    : candidates.value.licensed.length > 0
      ? `${SET_SERVICE_ACCOUNTS} Candidates, RootAdmins that hold a licence: ${candidates.value.licensed.join(', ')}.`
      : `${SET_SERVICE_ACCOUNTS} None of the ${candidates.value.admins} RootAdmins holds a licence, ` +
        'so a licensed service account is unlikely.';
  return { code: 'no-service-accounts', severity: 'warning', user: null, detail };
}

function proxyFindings(proxies: ProxyObservations): Checked {
  const findings: DoctorFinding[] = [];
  if (!proxies.virtualProxies.ok) {
    findings.push({
      code: 'virtual-proxies-unknown',
      severity: 'warning',
      user: null,
      detail: `${proxies.virtualProxies.error.message} Only the default proxy was checked.`,
    });
  }
  const discovered = proxies.virtualProxies.ok && proxies.virtualProxies.value.discovered;
  let answered = 0;
  for (const { proxy, virtualProxy, answer } of proxies.probes) {
    if (answer.ok || (discovered && answer.error.code === 'not-found')) {
      answered += 1;
      continue;
    }
    findings.push({
      code: 'proxy-unreachable',
      severity: 'problem',
      user: null,
      detail:
        `Proxy node ${proxy}, ${virtualProxyLabel(virtualProxy)}: ${answer.error.message} ` +
        'Session counts leave this node out until it answers.',
    });
  }
  if (answered === proxies.probes.length) {
    const virtualProxyCount = plural(proxies.prefixes.length, 'virtual proxy', 'virtual proxies');
    findings.push({
      code: 'proxies-answer',
      severity: 'info',
      user: null,
      detail: `All ${plural(proxies.nodes, 'proxy node')} answered for ${virtualProxyCount}.`,
    });
  }
  return { reached: answered > 0, findings };
}
