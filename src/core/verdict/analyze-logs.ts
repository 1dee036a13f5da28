import { readLogInputs, type InputStats, type LogInput } from '../logs/index.js';
import { SessionTracker, type SessionTimelines, type UserFigures } from '../sessions/index.js';
import type { AnalysisReport, Finding, UserSummary, Verdict, VerdictCode } from './analysis-report.js';
import { VERDICT_CODES } from './analysis-report.js';
import { clientCount, findFindings, isLicensed, plural, serviceAccountInfo, SESSION_LIMIT, type ServiceAccountInfo } from './find-findings.js';
import { formatInstant, isoOrNull } from './format-instant.js';
import { userTimelines } from './user-timelines.js';

export interface AnalyzeOptions {
  /** `DIRECTORY\user` of the Qlik service account(s), from `QLIK_SERVICE_ACCOUNTS` or `--service-account`. */
  readonly serviceAccounts?: readonly string[];
  /** Folders that were given but held no log file: the reply says so instead of "the input was empty". */
  readonly emptyFolders?: readonly string[];
}

const SEVERITY_ORDER = { problem: 0, warning: 1, info: 2 } as const;

/** Reads every input as a stream and turns the lines into the verdict, findings and per-user summary of DESIGN section 3. */
export async function analyzeLogs(inputs: Iterable<LogInput> | AsyncIterable<LogInput>, options: AnalyzeOptions = {}): Promise<AnalysisReport> {
  const tracker = new SessionTracker();
  const stats = await readLogInputs(inputs, tracker.add);
  return reportFrom(tracker.timelines(), stats, options);
}

function reportFrom(timelines: SessionTimelines, stats: InputStats, options: AnalyzeOptions): AnalysisReport {
  const configured = new Set((options.serviceAccounts ?? []).map((account) => account.trim().toLowerCase()));
  const accounts = new Map<string, ServiceAccountInfo>(timelines.users.map((timeline) => [timeline.user, serviceAccountInfo(timeline, configured, timelines.serviceUsers)]));
  const findings = findFindings(timelines, accounts).sort(
    // Ties go by user, so the order does not depend on which file was read first.
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || VERDICT_ORDER(a) - VERDICT_ORDER(b) || (a.at ?? '').localeCompare(b.at ?? '') || (a.user ?? '').localeCompare(b.user ?? ''),
  );
  const users = timelines.users
    .map((timeline) => summary(timeline, accounts.get(timeline.user)?.serviceAccount ?? false))
    .sort((a, b) => b.peak - a.peak || b.denied - a.denied || b.sessionsStarted - a.sessionsStarted || a.user.localeCompare(b.user));
  const verdict = pickVerdict(findings, timelines, stats, accounts, options);
  return {
    verdict,
    findings,
    users,
    input: {
      lines: stats.lines,
      recognized: stats.recognized,
      skipped: stats.lines - stats.recognized,
      formats: [...stats.formats].sort(),
      from: isoOrNull(timelines.from),
      to: isoOrNull(timelines.to),
    },
    timelines: userTimelines(verdict, findings, timelines),
    refusedWithoutUser: timelines.anonymousNoPassDenials,
  };
}

function VERDICT_ORDER(finding: Finding): number {
  const index = (VERDICT_CODES as readonly string[]).indexOf(finding.code);
  return index === -1 ? VERDICT_CODES.length : index;
}

function summary(timeline: UserFigures, serviceAccount: boolean): UserSummary {
  return {
    user: timeline.user,
    sessionsStarted: timeline.sessionsStarted,
    peak: timeline.peak,
    peakAt: isoOrNull(timeline.peakAt),
    denied: timeline.denied,
    limitDenials: timeline.limitDenials,
    maxSessionCount: timeline.maxSessionCount,
    licensed: isLicensed(timeline),
    serviceAccount,
    clients: clientCount(timeline),
  };
}

const TITLES: Readonly<Record<VerdictCode, string>> = {
  'service-account-licensed': 'The Qlik service account holds a licence, so Monitoring-app reloads use up its sessions',
  'limit-reached': 'A user hit the limit of five parallel sessions',
  'no-license': 'A user has no access pass (no licence allocated)',
  'invalid-cookie-burst': 'An expired session cookie set off a burst of new sessions',
  'near-limit': 'A user came close to the limit of five parallel sessions',
  'within-limit': 'Nobody hit the limit of five parallel sessions',
  'no-qlik-lines': 'No Qlik Sense session or licence lines were recognised',
};

/** The headline: the first code of DESIGN section 3's order that has a finding. */
function pickVerdict(
  findings: readonly Finding[],
  timelines: SessionTimelines,
  stats: InputStats,
  accounts: ReadonlyMap<string, ServiceAccountInfo>,
  options: AnalyzeOptions,
): Verdict {
  for (const code of VERDICT_CODES) {
    const first = findings.filter((candidate) => candidate.code === code).sort((a, b) => (a.at ?? '').localeCompare(b.at ?? ''))[0];
    if (first === undefined) continue;
    return { code, user: first.user, at: first.at, title: TITLES[code], detail: first.detail, entries: first.entries };
  }
  const binary = stats.binaryInputs.length > 0 ? ` Not read, because ${stats.binaryInputs.join(', ')} ${stats.binaryInputs.length === 1 ? 'is' : 'are'} binary, not a text log.` : '';
  const sessions = timelines.users.filter((timeline) => timeline.sessionsStarted + timeline.sessionsBeforeExcerpt > 0);
  if (sessions.length > 0) {
    // The service account's sessions are explained by a finding; the headline is about the people.
    const people = sessions.filter((timeline) => !(accounts.get(timeline.user)?.serviceAccount ?? false));
    const top = [...(people.length > 0 ? people : sessions)].sort((a, b) => b.peak - a.peak)[0] as UserFigures;
    return {
      code: 'within-limit',
      user: top.user,
      at: isoOrNull(top.peakAt),
      title: TITLES['within-limit'],
      detail:
        people.length > 0
          ? `The most parallel proxy sessions any user had was ${top.peak} (${top.user} at ${formatInstant(top.peakAt)}); the limit is ${SESSION_LIMIT}.${binary}`
          : `Only the service account ${top.user} opened sessions (at most ${top.peak} at once, at ${formatInstant(top.peakAt)}); they count towards the limit of ${SESSION_LIMIT} only if it holds a licence, which it should not.${binary}`,
      entries: ['count-sessions'],
    };
  }
  // Licence lines without sessions (a repository log of the service account's expected denials) are not "nothing".
  const denied = timelines.users.filter((timeline) => timeline.denied > 0).sort((a, b) => b.denied - a.denied)[0];
  if (denied !== undefined) {
    return {
      code: 'within-limit',
      user: denied.user,
      at: null,
      title: TITLES['within-limit'],
      detail: `No session was denied at the limit of ${SESSION_LIMIT}: the only denials are ${denied.user}'s ${plural(denied.denied, 'licence request')}, expected for the service account, which should hold no licence.${binary}`,
      entries: ['count-sessions'],
    };
  }
  const seen = [...stats.formats];
  const onlyOther =
    seen.length > 0
      ? ` The lines were ${seen.join(', ')}${seen.includes('Session_Engine') ? ': engine sessions, which do not count towards the limit' : ''}.`
      : '';
  return {
    code: 'no-qlik-lines',
    user: null,
    at: null,
    title: TITLES['no-qlik-lines'],
    detail: nothingDetail(stats, options, `${onlyOther}${binary}`, binary === ''),
    entries: [],
  };
}

/** Names shown when nothing was recognised, so the reader can tell whether the right files were given. */
const NAMES_SHOWN = 8;

function nothingDetail(stats: InputStats, options: AnalyzeOptions, more: string, noBinary: boolean): string {
  const empty = options.emptyFolders ?? [];
  if (stats.inputNames.length === 0) {
    const where = empty.length > 0 ? ` in ${empty.join(', ')}` : '';
    return `No log files were found${where}: give the Qlik Sense log folder (C:\\ProgramData\\Qlik\\Sense\\Log), a Log Collector .zip, or the .txt and .log files themselves.`;
  }
  if (stats.lines === 0 && noBinary) return 'The input was empty: there were no lines to read.';
  return `Nothing in ${readText(stats)} names a proxy session or a licence grant or denial.${more}`;
}

/** `the 5 lines of iis.log`, `the 1200 lines of 3 files (a.txt, b.txt, c.txt)`, or `the input` when it was empty. */
function readText(stats: InputStats): string {
  if (stats.lines === 0) return 'the input';
  const names = stats.inputNames;
  const lines = `the ${stats.lines} line${stats.lines === 1 ? '' : 's'}`;
  if (names.length === 0) return lines;
  if (names.length === 1) return `${lines} of ${names[0] ?? ''}`;
  const shown = names.slice(0, NAMES_SHOWN).join(', ');
  const rest = names.length > NAMES_SHOWN ? ` and ${names.length - NAMES_SHOWN} more` : '';
  return `${lines} of ${names.length} files (${shown}${rest})`;
}
