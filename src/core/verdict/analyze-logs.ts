import { readLogInputs, type InputStats, type LogInput, type SpillFactory } from '../logs/index.js';
import { SessionTracker, type SessionTimelines, type UserFigures } from '../sessions/index.js';
import type { AnalysisReport, Finding, UserSummary, Verdict, VerdictCode } from './analysis-report.js';
import { VERDICT_CODES } from './analysis-report.js';
import {
  clientCount,
  findFindings,
  isLicensed,
  serviceAccountInfo,
  SESSION_LIMIT,
  type ServiceAccountInfo,
} from './find-findings.js';
import { plural } from '../text/index.js';
import { formatInstant, isoOrNull } from './format-instant.js';
import { userTimelines } from './user-timelines.js';

export interface AnalyzeOptions {
  /** `DIRECTORY\user` of the Qlik service account(s), from `QLIK_SERVICE_ACCOUNTS` or `--service-account`. */
  readonly serviceAccounts?: readonly string[];
  /** Folders that were given but held no log file: the reply says so instead of "the input was empty". */
  readonly emptyFolders?: readonly string[];
  /** Inflated bytes read at most (Slack's file cap applied after unpacking an archive); unlimited by default. */
  readonly maxBytes?: number;
  /** Where stdin is kept for a second reading when its lines come out of time order (the CLI: a temporary file). */
  readonly spill?: SpillFactory;
}

const SEVERITY_ORDER = { problem: 0, warning: 1, info: 2 } as const;

/** Reads every input as a stream and turns the lines into the verdict, findings and per-user summary of DESIGN section 3. */
export async function analyzeLogs(
  inputs: Iterable<LogInput> | AsyncIterable<LogInput>,
  options: AnalyzeOptions = {},
): Promise<AnalysisReport> {
  const { timelines, stats } = await trackedTimelines(inputs, options);
  return reportFrom(timelines, stats, options);
}

/**
 * The users' figures from the inputs. The tracker lives only in here: its tables (users, clients, folds: 21 MB live
 * for 20,000 users, part of it kept by the figures) are gone before the report is built beside the figures, the
 * peak of a large analysis.
 */
async function trackedTimelines(
  inputs: Iterable<LogInput> | AsyncIterable<LogInput>,
  options: AnalyzeOptions,
): Promise<{ timelines: SessionTimelines; stats: InputStats }> {
  let tracker = new SessionTracker();
  const stats = await readLogInputs(inputs, (event) => tracker.add(event), {
    ...(options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes }),
    ...(options.spill === undefined ? {} : { spill: options.spill }),
    restart: () => {
      tracker = new SessionTracker();
    },
  });
  return { timelines: tracker.timelines(), stats };
}

function reportFrom(timelines: SessionTimelines, stats: InputStats, options: AnalyzeOptions): AnalysisReport {
  const configured = new Set((options.serviceAccounts ?? []).map((account) => account.trim().toLowerCase()));
  const accounts = new Map<string, ServiceAccountInfo>(
    timelines.users.map((timeline) => [
      timeline.user,
      serviceAccountInfo(timeline, configured, timelines.serviceUsers),
    ]),
  );
  const findings = findFindings(timelines, accounts).sort(
    // Ties go by user, so the order does not depend on which file was read first.
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      VERDICT_ORDER(a) - VERDICT_ORDER(b) ||
      (a.at ?? '').localeCompare(b.at ?? '') ||
      (a.user ?? '').localeCompare(b.user ?? ''),
  );
  const users = timelines.users
    .map((timeline) => summary(timeline, accounts.get(timeline.user)?.serviceAccount ?? false))
    .sort(
      (a, b) =>
        b.peak - a.peak || b.denied - a.denied || b.sessionsStarted - a.sessionsStarted || a.user.localeCompare(b.user),
    );
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
    readingNotes: readingNotes(stats),
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
    const first = findings
      .filter((candidate) => candidate.code === code)
      .sort((a, b) => (a.at ?? '').localeCompare(b.at ?? ''))[0];
    if (first === undefined) continue;
    return { code, user: first.user, at: first.at, title: TITLES[code], detail: first.detail, entries: first.entries };
  }
  const binary = notReadText(stats);
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

/** Inputs that were not read (binary, or an archive that cannot be opened), as sentences for a detail. */
function notReadText(stats: InputStats): string {
  const parts: string[] = [];
  if (stats.binaryInputs.length > 0) {
    parts.push(
      ` Not read, because ${stats.binaryInputs.join(', ')} ${stats.binaryInputs.length === 1 ? 'is' : 'are'} binary, not a text log.`,
    );
  }
  for (const archive of stats.unreadableArchives) {
    parts.push(
      ` Not read: ${archive.name} looks like a zip archive, but ${archive.problem}; unzip it and give the folder, or a fresh copy of the archive.`,
    );
  }
  return parts.join('');
}

/** What the reply's caveats say about how the input was read (cut at the cap, reordered). */
function readingNotes(stats: InputStats): string[] {
  const notes: string[] = [];
  if (stats.cappedInputs.length > 0) {
    notes.push(
      `Only the first part of ${stats.cappedInputs.join(', ')} was read: the unpacked logs reached the size cap. Send a shorter excerpt or fewer files for the rest.`,
    );
  }
  for (const damaged of stats.damagedInputs) {
    notes.push(
      damaged.unreadable
        ? `${damaged.name} was not read: ${damaged.problem}. Unzip the archive and give the folder, so that it is read too.`
        : `${damaged.name} was read only up to where its bytes stop making sense (${damaged.problem}): its lines before that were analysed. If it was copied while Qlik Sense was still writing it, copy it again for the rest.`,
    );
  }
  if (stats.reordered.length > 0) {
    notes.push(
      `${stats.reordered.join(', ')} held several runs of lines in time order (files or pastes joined one after another); they were merged on the instant.`,
    );
  }
  return notes;
}

/** Names shown when nothing was recognised, so the reader can tell whether the right files were given. */
const NAMES_SHOWN = 8;

function nothingDetail(stats: InputStats, options: AnalyzeOptions, more: string, noBinary: boolean): string {
  const empty = options.emptyFolders ?? [];
  if (stats.inputNames.length === 0 && stats.unreadableArchives.length === 0) {
    const where = empty.length > 0 ? ` in ${empty.join(', ')}` : '';
    return `No log files were found${where}: give the Qlik Sense log folder (C:\\ProgramData\\Qlik\\Sense\\Log), a Log Collector .zip, or the .txt and .log files themselves.`;
  }
  if (stats.lines === 0 && noBinary) return 'The input was empty: there were no lines to read.';
  if (stats.lines === 0) return more.trim();
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
