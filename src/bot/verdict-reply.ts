import {
  SESSION_LIMIT,
  type AnalysisReport,
  type Finding,
  type UserSummary,
  type VerdictCode,
} from '../core/verdict/index.js';
import type { EntryReference, FactsTable, Reply, ReplySection } from './reply.js';
import { code, strong, type RichText } from '../core/text/index.js';
import { USER_TABLE_COLUMNS, userTableRow } from './user-table-row.js';

const AUDIT_SECURITY_PATH = 'C:\\ProgramData\\Qlik\\Sense\\Log\\Repository\\Audit\\<host>_AuditSecurity_Repository.txt';
const PROXY_AUDIT_PATH = 'C:\\ProgramData\\Qlik\\Sense\\Log\\Proxy\\Audit\\';
const PROXY_TRACE_PATH = 'C:\\ProgramData\\Qlik\\Sense\\Log\\Proxy\\Trace\\<host>_Audit_Proxy.txt';
const MAX_ROWS = 10;

function when(iso: string | null): string {
  return iso === null ? 'an unknown time' : `${iso.slice(0, 19).replace('T', ' ')} UTC`;
}

function times(count: number): string {
  return count === 1 ? 'once' : `${count} times`;
}

function userOf(report: AnalysisReport, name: string | null): UserSummary | undefined {
  return name === null ? undefined : report.users.find((user) => user.user === name);
}

/** ` at 2019-02-01 03:59:29 UTC`, or nothing when the lines carried no time (the Message column alone). */
function atTime(iso: string | null, word = 'at'): string {
  return iso === null ? '' : ` ${word} ${when(iso)}`;
}

/** One sentence: who, when, how many. */
function headline(report: AnalysisReport): string {
  const { verdict } = report;
  const user = userOf(report, verdict.user);
  const who = verdict.user ?? 'A user';
  const peak =
    user === undefined || user.peak === 0 ? '' : ` (peak ${user.peak} parallel session${user.peak === 1 ? '' : 's'})`;
  switch (verdict.code) {
    case 'service-account-licensed':
      return `The Qlik service account ${who} holds a licence, so the Monitoring-app reloads use up its ${SESSION_LIMIT} parallel sessions${peak}; first seen${atTime(verdict.at)}.`;
    case 'limit-reached':
      return `${who} hit the limit of ${SESSION_LIMIT} parallel sessions${atTime(verdict.at)} and was denied ${times(user?.limitDenials ?? 1)}${peak}.`;
    case 'no-license':
      return `${who} was refused access ${times(user === undefined ? Math.max(1, report.refusedWithoutUser) : Math.max(1, user.denied - user.limitDenials))}${atTime(verdict.at, 'from')} because no access pass (licence) was available to them.`;
    case 'invalid-cookie-burst':
      return `${who} came back with an expired session cookie${atTime(verdict.at)} and opened several new sessions within seconds${peak}.`;
    case 'near-limit': {
      const open = user?.peak ?? SESSION_LIMIT - 1;
      // More than five without a denial means sessions that hold no licence (or licence lines left out of the paste).
      return open > SESSION_LIMIT
        ? `${who} had ${open} proxy sessions open at once${atTime(verdict.at)}, more than the limit of ${SESSION_LIMIT}, yet no denial was logged.`
        : `${who} had ${open} proxy sessions open at once${atTime(verdict.at)}, close to the limit of ${SESSION_LIMIT}; nobody was denied.`;
    }
    case 'within-limit':
      if (user !== undefined && user.peak === 0 && user.denied > 0) {
        return `Nobody was denied at the limit: the only denials are ${who}'s ${user.denied} licence request${user.denied === 1 ? '' : 's'}, expected for the service account.`;
      }
      return user?.serviceAccount === true && user.peak >= SESSION_LIMIT - 1
        ? `Nobody was denied: the most parallel sessions was ${user.peak}, by the service account ${who}${atTime(verdict.at)} (its sessions count against the limit only if it holds a licence).`
        : `Nobody came near the limit: the most parallel sessions was ${user?.peak ?? 0} (${who}${atTime(verdict.at)}), and nobody was denied.`;
    case 'no-qlik-lines':
      return 'No Qlik Sense session or licence lines were recognised: paste the AuditSecurity_Repository log or the proxy logs from the time of the error.';
  }
}

/** The user as one shell word: unquoted, the shell would eat the backslash of `CORP\mweber`. */
function shellWord(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

function fixSteps(code_: VerdictCode, user: string | null): RichText[] {
  const who = user ?? 'the user';
  const whoCode = shellWord(user ?? 'DIR\\user');
  switch (code_) {
    case 'service-account-licensed':
      return [
        [
          'In the QMC, open ',
          strong('License management'),
          ' > ',
          strong('Professional access allocations'),
          ' (and Analyzer), find ',
          code(who),
          ' and remove its allocation.',
        ],
        'Keep the service account that runs the Qlik services unlicensed: its Monitoring-app REST sessions are then denied a licence, and the reloads still succeed.',
        [
          'End its open sessions (',
          code(`qlik-sessions end ${whoCode} --yes`),
          ') or wait for the 30-minute inactivity timeout.',
        ],
      ];
    case 'limit-reached':
      return [
        [
          `Ask ${who} to close the other browsers, machines and incognito windows they use for Qlik Sense: each is a session of its own, while tabs of one browser share one.`,
        ],
        'Log out from the hub instead of closing the tab; after a logout, wait 5 minutes before the access pass can be used again (an idle session ends after the 30-minute inactivity timeout).',
        [
          'Count the live sessions (',
          code(`qlik-sessions sessions ${whoCode}`),
          ') and end them if needed (',
          code(`qlik-sessions end ${whoCode} --yes`),
          ').',
        ],
        'If a script, mashup or API client logs in as this user, make it reuse one session.',
      ];
    case 'no-license':
      return [
        [
          'In the QMC, open ',
          strong('License management'),
          ` and allocate Professional or Analyzer access to ${who}, or check that a login or user access rule covers them.`,
        ],
        'Check that the licence has allocations left and has not expired.',
        `Ask ${who} to reload the hub.`,
      ];
    case 'invalid-cookie-burst':
      return [
        `Find what keeps reconnecting for ${who} after the session expired: a tab left open, an embedded mashup or iframe, a script.`,
        'Make it re-authenticate once instead of opening several sessions in parallel, or raise the virtual proxy session inactivity timeout.',
        ['End the stray sessions (', code(`qlik-sessions end ${whoCode} --yes`), ').'],
      ];
    case 'near-limit':
      return [
        `Tell ${who} that every other browser, machine or incognito window opens a session of its own; a sixth would be refused.`,
        ['Count the live sessions (', code(`qlik-sessions sessions ${whoCode}`), ') and end stale ones if needed.'],
      ];
    case 'within-limit':
      return [
        [
          'If the error still shows, paste the lines from the moment it appeared from ',
          code(AUDIT_SECURITY_PATH),
          ': the denial is logged there.',
        ],
      ];
    case 'no-qlik-lines':
      return [
        [
          'On the Qlik Sense server, open ',
          code(AUDIT_SECURITY_PATH),
          ' and paste the whole rows from around the time of the error.',
        ],
        [
          'Add the proxy logs: ',
          code(`${PROXY_AUDIT_PATH}<host>_AuditActivity_Proxy.txt`),
          ', ',
          code(`${PROXY_AUDIT_PATH}<host>_AuditSecurity_Proxy.txt`),
          ' and ',
          code(PROXY_TRACE_PATH),
          '.',
        ],
        [
          'Older days are in the ArchivedLogs share; or run ',
          code('qlik-sessions analyze C:\\ProgramData\\Qlik\\Sense\\Log'),
          ' on the server.',
        ],
      ];
  }
}

/** The users worth a row: the verdict's, those with findings or denials, several sessions, the service account. */
function factsTable(report: AnalysisReport): FactsTable | null {
  const named = new Set(report.findings.map((finding) => finding.user));
  const mattering = report.users.filter(
    (user) =>
      user.user === report.verdict.user ||
      named.has(user.user) ||
      user.denied > 0 ||
      user.peak >= 2 ||
      user.serviceAccount,
  );
  const rows = (mattering.length > 0 ? mattering : report.users.slice(0, 3)).slice(0, MAX_ROWS);
  if (rows.length === 0) return null;
  return {
    columns: [...USER_TABLE_COLUMNS],
    rows: rows.map((user) =>
      userTableRow(user, user.peakAt === null ? '' : user.peakAt.slice(0, 19).replace('T', ' ')),
    ),
  };
}

function findingText(finding: Finding): RichText {
  return [strong(`${finding.code} (${finding.severity})`), `: ${finding.detail}`];
}

function caveats(report: AnalysisReport): RichText[] {
  const out: RichText[] = [];
  if (report.findings.some((finding) => finding.code === 'sessions-before-excerpt')) {
    out.push('Some sessions started before the excerpt: session counts and peaks are lower bounds.');
  }
  const { input } = report;
  if (input.skipped > 0 && input.recognized > 0) {
    out.push(
      `${input.skipped} of ${input.lines} lines said nothing about proxy sessions or licences and were skipped.`,
    );
  }
  if (
    input.recognized > 0 &&
    !input.formats.includes('AuditSecurity_Repository') &&
    !input.formats.includes('License_Repository')
  ) {
    out.push(['No licence lines were included: denials at the limit are logged in ', code(AUDIT_SECURITY_PATH), '.']);
  }
  const ends = ['AuditActivity_Proxy', 'Audit_Proxy', 'Service_Proxy'];
  if (report.users.some((user) => user.sessionsStarted > 0) && !input.formats.some((format) => ends.includes(format))) {
    out.push(
      'No line says when a session ended (Stop session, timeout): each session is taken to end 30 minutes after it started, the default inactivity timeout.',
    );
  }
  out.push(...report.readingNotes);
  if (
    input.recognized > 0 &&
    input.formats.length > 0 &&
    input.formats.every((format) => format === 'Session_Engine')
  ) {
    out.push(
      'Session_Engine lines are engine sessions (one per app opened); they do not count towards the limit of proxy sessions.',
    );
  }
  return out;
}

/**
 * The verdict of a log analysis as a chat-agnostic Reply: headline, the users that matter, the fix as steps,
 * the findings, caveats and knowledge entries. `describeEntry` supplies entry titles and sources when known.
 */
export function verdictReply(report: AnalysisReport, describeEntry: (id: string) => EntryReference | undefined): Reply {
  const { verdict } = report;
  const ids = [...new Set([...verdict.entries, ...report.findings.flatMap((finding) => finding.entries)])];
  const entries: EntryReference[] = [];
  const undescribed: string[] = [];
  for (const id of ids) {
    const entry = describeEntry(id);
    if (entry === undefined) undescribed.push(id);
    else entries.push(entry);
  }
  const sections: ReplySection[] = [
    { title: verdict.title, paragraphs: [verdict.detail], steps: [] },
    { title: 'Fix', paragraphs: [], steps: fixSteps(verdict.code, verdict.user) },
  ];
  const others = report.findings.filter((finding) => !(finding.code === verdict.code && finding.user === verdict.user));
  if (others.length > 0) sections.push({ title: 'Findings', paragraphs: others.map(findingText), steps: [] });
  if (undescribed.length > 0) {
    sections.push({
      title: null,
      paragraphs: [
        [
          'More in the knowledge base: ',
          ...undescribed.flatMap((id, index) => (index === 0 ? [code(id)] : [', ', code(id)])),
        ],
      ],
      steps: [],
    });
  }
  return {
    tone: 'verdict',
    headline: headline(report),
    sections,
    facts: factsTable(report),
    entries,
    caveats: caveats(report),
    actions: [{ kind: 'feedback', topic: verdict.code }],
  };
}
