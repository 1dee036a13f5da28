import { heard, type CheckedService } from './checked-service.js';
import type {
  AccessPassKind,
  AccessPassOverview,
  RepositoryObservations,
  RootAdminCandidates,
} from './doctor-observations.js';
import type { DoctorFinding } from './doctor-report.js';
import type { LiveFailure, LiveResult } from './live-result.js';
import { isUnreached } from './unreached.js';

/** The repository's checks: access passes left, each service account's licence, or the RootAdmins as candidates. */
export function repositoryFindings(repository: RepositoryObservations): CheckedService {
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
