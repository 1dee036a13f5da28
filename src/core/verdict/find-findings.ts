import { BURST_WINDOW_MS, type ReloadWindow, type SessionTimelines, type UserFigures } from '../sessions/index.js';
import type { Finding } from './analysis-report.js';
import { formatInstant, isoOrNull } from './format-instant.js';
import { plural } from '../text/index.js';

/** The limit of parallel proxy sessions per user (Qlik help: professional and analyzer access). */
export const SESSION_LIMIT = 5;

export interface ServiceAccountInfo {
  readonly serviceAccount: boolean;
  /** How we know: configuration, the ServiceUser column, or only likely from local /qrs/ sessions. */
  readonly how: 'configured' | 'service-user-column' | 'likely' | null;
}

export function serviceAccountInfo(
  timeline: UserFigures,
  configured: ReadonlySet<string>,
  serviceUsers: ReadonlySet<string>,
): ServiceAccountInfo {
  const key = timeline.user.toLowerCase();
  if (configured.has(key)) return { serviceAccount: true, how: 'configured' };
  if (serviceUsers.has(key)) return { serviceAccount: true, how: 'service-user-column' };
  const local = timeline.clients.allLocal;
  const busy = timeline.sessionsStarted + timeline.denied >= SESSION_LIMIT;
  if (local && (timeline.qrsContext || busy)) return { serviceAccount: true, how: 'likely' };
  return { serviceAccount: false, how: null };
}

/** true when a grant or an allocation names the user, false when only denials for lack of an access pass do, else null. */
export function isLicensed(timeline: UserFigures): boolean | null {
  if (!Number.isNaN(timeline.firstGrantAt) || timeline.allocated) return true;
  if (timeline.noPassDenials > 0) return false;
  return null;
}

export function clientCount(timeline: UserFigures): number {
  return Math.max(timeline.clients.addressCount, timeline.clients.userAgentCount);
}

function finding(
  code: Finding['code'],
  severity: Finding['severity'],
  user: string | null,
  at: number,
  detail: string,
  entries: readonly string[],
): Finding {
  return { code, severity, user, at: isoOrNull(at), detail, entries };
}

/** Why a peak above the limit is possible, in one clause; empty when the peak is within it. */
export function peakAboveLimitWhy(timeline: UserFigures): string {
  if (timeline.peak <= SESSION_LIMIT) return '';
  const reasons: string[] = [];
  if (timeline.denied > 0) {
    reasons.push(
      `the proxy opens a session before the licence check, so the ${plural(timeline.denied, 'refused attempt')} ${timeline.denied === 1 ? 'is' : 'are'} counted too`,
    );
  }
  if (timeline.sessionsBeforeExcerpt > 0) {
    reasons.push(
      `${plural(timeline.sessionsBeforeExcerpt, 'session')} opened before the excerpt ${timeline.sessionsBeforeExcerpt === 1 ? 'is' : 'are'} counted as open from its start`,
    );
  }
  const nodes = new Set(timeline.sessions.map((session) => session.node).filter((node) => node !== null));
  if (nodes.size >= 2) reasons.push(`the lines of ${nodes.size} proxy nodes overlap in time`);
  if (reasons.length === 0)
    reasons.push(
      'these sessions hold no licence (a service account or an unlicensed user), or the licence lines are missing from the excerpt',
    );
  return `The peak of ${timeline.peak} is above the limit of ${SESSION_LIMIT} because ${reasons.join('; ')}.`;
}

function aboveLimit(timeline: UserFigures): string {
  const why = peakAboveLimitWhy(timeline);
  return why === '' ? '' : ` ${why}`;
}

function peakText(timeline: UserFigures): string {
  return Number.isNaN(timeline.peakAt)
    ? `peak ${timeline.peak}`
    : `peak ${timeline.peak} at ${formatInstant(timeline.peakAt)}`;
}

/** Ties the service account's sessions to the reload windows of TaskExecution_Scheduler, or asks for that log. */
function reloadText(timeline: UserFigures, reloads: readonly ReloadWindow[]): string {
  const matched = timeline.reloadMatches;
  if (matched.sessions > 0) {
    return ` ${matched.sessions} of its ${plural(timeline.sessionsStarted, 'session')} opened while ${matched.tasks.map((task) => `'${task}'`).join(', ')} ran (TaskExecution_Scheduler).`;
  }
  if (reloads.length === 0 && timeline.sessionsStarted > 0) {
    return ' Add the TaskExecution_Scheduler log to tie these sessions to the License Monitor and Operations Monitor reloads.';
  }
  return '';
}

function serviceAccountSessionsDetail(
  timeline: UserFigures,
  info: ServiceAccountInfo,
  reloads: readonly ReloadWindow[],
): string {
  const how =
    info.how === 'configured'
      ? 'the configured Qlik service account'
      : info.how === 'service-user-column'
        ? 'the account that runs the Qlik services (ServiceUser column)'
        : 'likely the Qlik service account (its requests all come from the server itself calling /qrs/...)';
  // A repository log alone shows the denials but not the sessions behind them.
  const activity =
    timeline.sessionsStarted > 0
      ? `It opened ${plural(timeline.sessionsStarted, 'proxy session')} (${peakText(timeline)}) for the Monitoring apps' REST calls to the repository.`
      : "Its licence requests come from the Monitoring apps' REST calls to the repository (add the proxy logs to count its sessions).";
  const parts = [`${timeline.user} is ${how}. ${activity}`];
  if (timeline.denied > 0)
    parts.push(
      `Its ${plural(timeline.denied, 'licence denial')} are expected: the account has no access pass and the reloads still succeed.`,
    );
  const reload = reloadText(timeline, reloads).trim();
  if (reload !== '') parts.push(reload);
  parts.push('Nothing to fix, as long as this account holds no licence allocation.');
  return parts.join(' ');
}

/** Every rule of DESIGN section 3, per user; the headline is picked from these afterwards. */
export function findFindings(
  timelines: SessionTimelines,
  accounts: ReadonlyMap<string, ServiceAccountInfo>,
): Finding[] {
  const findings: Finding[] = [];
  for (const timeline of timelines.users) {
    const info = accounts.get(timeline.user) ?? { serviceAccount: false, how: null };
    const licensed = isLicensed(timeline);
    const user = timeline.user;
    if (info.serviceAccount && licensed === true) {
      findings.push(
        finding(
          'service-account-licensed',
          'problem',
          user,
          Number.isNaN(timeline.firstGrantAt) ? timeline.peakAt : timeline.firstGrantAt,
          `${user} runs the Qlik services and holds a licence: every Monitoring-app reload opens proxy sessions for it (${plural(timeline.sessionsStarted, 'session')}, ${peakText(timeline)}) and each one uses up one of its ${SESSION_LIMIT} parallel sessions.${reloadText(timeline, timelines.reloads)}`,
          ['service-account-license', 'monitoring-app-reload'],
        ),
      );
    }
    if (timeline.limitDenials > 0) {
      findings.push(
        finding(
          'limit-reached',
          'problem',
          user,
          timeline.firstLimitDenialAt,
          `${user} was denied ${timeline.limitDenials === 1 ? 'once' : `${timeline.limitDenials} times`} with SessionCount ${timeline.maxSessionCount ?? SESSION_LIMIT}: the limit of ${SESSION_LIMIT} parallel sessions was reached (first at ${formatInstant(timeline.firstLimitDenialAt)}; ${peakText(timeline)} seen in this excerpt).${aboveLimit(timeline)}`,
          ['five-session-limit', 'tabs-vs-browsers', 'count-sessions'],
        ),
      );
    }
    if (timeline.noPassDenials > 0 && !info.serviceAccount) {
      findings.push(
        finding(
          'no-license',
          'problem',
          user,
          timeline.firstNoPassDenialAt,
          `${user} was denied access ${plural(timeline.noPassDenials, 'time')} because no access pass (licence) was available for them, first at ${formatInstant(timeline.firstNoPassDenialAt)}.${licensed === true ? ' An allocation or grant follows later in the excerpt.' : ''}`,
          ['no-license-assigned', 'no-access-pass-message'],
        ),
      );
    }
    const burst = timeline.invalidCookieBurst;
    if (burst !== null) {
      findings.push(
        finding(
          'invalid-cookie-burst',
          'warning',
          user,
          burst.at,
          `${user} came back with an expired session cookie at ${formatInstant(burst.at)} and then opened ${plural(burst.sessions, 'new session')} within ${BURST_WINDOW_MS / 1000} seconds.`,
          ['disconnect-cookie-burst'],
        ),
      );
    }
    if (!info.serviceAccount && timeline.limitDenials === 0 && timeline.peak >= SESSION_LIMIT - 1) {
      findings.push(
        finding(
          'near-limit',
          'warning',
          user,
          timeline.peakAt,
          timeline.peak > SESSION_LIMIT
            ? `${user} had ${timeline.peak} proxy sessions open at once at ${formatInstant(timeline.peakAt)} without a denial at the limit of ${SESSION_LIMIT}.${aboveLimit(timeline)}`
            : `${user} had ${timeline.peak} proxy sessions open at once at ${formatInstant(timeline.peakAt)}; the limit is ${SESSION_LIMIT}.`,
          ['five-session-limit', 'count-sessions'],
        ),
      );
    }
    if (info.serviceAccount && licensed !== true && (timeline.sessionsStarted > 0 || timeline.denied > 0)) {
      findings.push(
        finding(
          'service-account-sessions',
          'info',
          user,
          timeline.peakAt,
          serviceAccountSessionsDetail(timeline, info, timelines.reloads),
          ['monitoring-app-reload', 'service-account-license'],
        ),
      );
    }
    const automation = info.serviceAccount ? null : timeline.automationBurst;
    if (automation !== null) {
      findings.push(
        finding(
          'automation-sessions',
          'warning',
          user,
          automation.at,
          `${user} opened ${automation.sessions} sessions within a minute from ${automation.client === '' ? 'one client' : automation.client}: a script or API client that does not reuse its session.`,
          ['api-automation-sessions', 'count-sessions'],
        ),
      );
    }
    const clients = clientCount(timeline);
    if (!info.serviceAccount && timeline.peak >= 2 && clients >= 2) {
      findings.push(
        finding(
          'many-clients',
          'warning',
          user,
          timeline.peakAt,
          `${user}'s parallel sessions come from ${clients} clients (${[...timeline.clients.addresses, ...timeline.clients.userAgents].slice(0, 4).join('; ')}): every other browser, machine or incognito window is a session of its own.`,
          ['tabs-vs-browsers', 'five-session-limit'],
        ),
      );
    }
    const hidden = timeline.maxSessionCount !== null && timeline.maxSessionCount > timeline.peak;
    if (timeline.sessionsBeforeExcerpt > 0 || hidden) {
      const why =
        timeline.sessionsBeforeExcerpt > 0
          ? `${plural(timeline.sessionsBeforeExcerpt, 'session')} of ${user} ended in the excerpt but started before it`
          : `the SessionCount of ${user} (${timeline.maxSessionCount ?? 0}) is higher than the ${timeline.peak} sessions seen`;
      findings.push(
        finding(
          'sessions-before-excerpt',
          'info',
          user,
          timelines.from,
          `${why[0]?.toUpperCase() ?? ''}${why.slice(1)}: the counts are lower bounds. Include the log from earlier in the day for exact numbers.`,
          ['count-sessions'],
        ),
      );
    }
  }
  if (timelines.anonymousNoPassDenials > 0) {
    findings.push(
      finding(
        'no-license',
        'problem',
        null,
        timelines.firstAnonymousDenialAt,
        `${plural(timelines.anonymousNoPassDenials, 'login was', 'logins were')} denied because no access pass was available; the lines do not name the user (paste the whole rows to see who).`,
        ['no-license-assigned', 'no-access-pass-message'],
      ),
    );
  }
  return findings;
}
