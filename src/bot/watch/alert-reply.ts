import { code, strong, type RichText } from '../../core/text/index.js';
import { formatInstant, SESSION_LIMIT, type AnalysisReport } from '../../core/verdict/index.js';
import type { WatchAlert } from '../../core/watch/index.js';
import type { EntryReference, Reply, ReplyAction, ReplySection } from '../reply.js';
import { verdictReply } from '../verdict-reply.js';
import { alertSummary, LIKELY_CAUSE_TEXT } from './alert-summary.js';

export interface AlertReplyOptions {
  /** Offer the "End sessions" button (admins are configured; the click is checked again). */
  readonly endButton: boolean;
  /** The verdict from the logs (a refusal gets the same verdict as a pasted excerpt). */
  readonly report?: AnalysisReport | undefined;
  readonly describeEntry?: (id: string) => EntryReference | undefined;
}

const ENTRIES: Readonly<Record<WatchAlert['cause'], readonly string[]>> = {
  'at-limit': ['five-session-limit', 'tabs-vs-browsers', 'end-sessions'],
  refused: ['five-session-limit', 'tabs-vs-browsers', 'count-sessions'],
  'service-account-licensed': ['service-account-license', 'monitoring-app-reload'],
  'cookie-burst': ['disconnect-cookie-burst'],
  'count-dropped': [],
};

function shellWord(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

function fixFor(alert: WatchAlert): RichText[] {
  const who = shellWord(alert.user);
  switch (alert.likely) {
    case 'service-account':
      return [
        [
          'In the QMC, open ',
          strong('License management'),
          ' and remove any allocation of ',
          code(alert.user),
          '; keep the service account unlicensed.',
        ],
        [
          'End its open sessions (',
          code(`qlik-sessions end ${who} --yes`),
          ') or wait for the 30-minute inactivity timeout.',
        ],
      ];
    case 'script':
      return [
        'Find the script, mashup or API client that logs in as this user, and make it reuse one session (and log out when done).',
        ['End the stray sessions (', code(`qlik-sessions end ${who} --yes`), ').'],
      ];
    default:
      return [
        `Ask ${alert.user} to close the other browsers, machines and incognito windows: tabs of one browser share one session.`,
        'Log out from the hub instead of closing the tab; an idle session ends after the 30-minute inactivity timeout.',
        [
          'Count the live sessions (',
          code(`qlik-sessions sessions ${who}`),
          ') and end them if needed (',
          code(`qlik-sessions end ${who} --yes`),
          ').',
        ],
      ];
  }
}

function whereSection(alert: WatchAlert): ReplySection {
  const paragraphs: RichText[] = [];
  if (alert.nodes.length > 0) paragraphs.push(['Nodes: ', alert.nodes.join(', ')]);
  if (alert.clients.length > 0) paragraphs.push(['Clients: ', alert.clients.join(', ')]);
  paragraphs.push(
    `Seen ${alert.source === 'live' ? 'in the live proxy sessions' : 'in the log folders'} at ${formatInstant(alert.at)}.`,
  );
  return { title: 'Where', paragraphs, steps: [] };
}

function withEntries(reply: Reply, alert: WatchAlert, options: AlertReplyOptions): Reply {
  const known = new Set(reply.entries.map((entry) => entry.id));
  const entries = ENTRIES[alert.cause]
    .filter((id) => !known.has(id))
    .flatMap((id) => options.describeEntry?.(id) ?? []);
  return { ...reply, entries: [...reply.entries, ...entries] };
}

/** The alert as a Reply, rendered by the same Block Kit and text renderers as answers (so everything from a log is escaped). */
export function alertReply(alert: WatchAlert, options: AlertReplyOptions): Reply {
  const end: ReplyAction[] =
    options.endButton && alert.count !== null && alert.count > 0
      ? [{ kind: 'end-sessions', user: alert.user, liveSessions: alert.count }]
      : [];
  const headline = alertSummary(alert);
  switch (alert.cause) {
    case 'refused': {
      if (options.report !== undefined && options.report.verdict.code !== 'no-qlik-lines') {
        const verdict = verdictReply(options.report, options.describeEntry ?? (() => undefined));
        return withEntries(
          {
            ...verdict,
            headline: `Refused at the limit: ${verdict.headline}`,
            sections: [whereSection(alert), ...verdict.sections],
            actions: [
              ...verdict.actions.filter((action) => action.kind !== 'share-in-channel'),
              ...(options.endButton
                ? [{ kind: 'end-sessions' as const, user: alert.user, liveSessions: SESSION_LIMIT }]
                : []),
            ],
          },
          alert,
          options,
        );
      }
      const steps = fixFor(alert);
      return withEntries(
        {
          tone: 'verdict',
          headline,
          sections: [whereSection(alert), { title: 'Fix', paragraphs: [], steps }],
          facts: null,
          entries: [],
          caveats: [],
          actions: options.endButton ? [{ kind: 'end-sessions', user: alert.user, liveSessions: SESSION_LIMIT }] : [],
        },
        alert,
        options,
      );
    }
    case 'at-limit': {
      const likely: ReplySection = {
        title: 'Likely cause',
        paragraphs: [
          alert.likely === null
            ? 'Not known from the live lists alone: run why for this user to read the log folders.'
            : `${LIKELY_CAUSE_TEXT[alert.likely].charAt(0).toUpperCase()}${LIKELY_CAUSE_TEXT[alert.likely].slice(1)}.`,
        ],
        steps: [],
      };
      return withEntries(
        {
          tone: 'verdict',
          headline,
          sections: [whereSection(alert), likely, { title: 'Fix', paragraphs: [], steps: fixFor(alert) }],
          facts: null,
          entries: [],
          caveats: [],
          actions: end,
        },
        alert,
        options,
      );
    }
    case 'service-account-licensed':
      return withEntries(
        {
          tone: 'verdict',
          headline,
          sections: [
            whereSection(alert),
            { title: 'Fix', paragraphs: [], steps: fixFor({ ...alert, likely: 'service-account' }) },
          ],
          facts: null,
          entries: [],
          caveats: [],
          actions: [],
        },
        alert,
        options,
      );
    case 'cookie-burst':
      return withEntries(
        {
          tone: 'verdict',
          headline,
          sections: [
            whereSection(alert),
            {
              title: 'Fix',
              paragraphs: [],
              steps: [
                `Find what keeps reconnecting for ${alert.user} after the session expired: a tab left open, an embedded mashup or iframe, a script.`,
                'Make it re-authenticate once instead of opening several sessions in parallel; Qlik fixed the invalid-cookie bursts in later releases of the proxy service.',
              ],
            },
          ],
          facts: null,
          entries: [],
          caveats: [],
          actions: end,
        },
        alert,
        options,
      );
    case 'count-dropped':
      return { tone: 'live', headline, sections: [], facts: null, entries: [], caveats: [], actions: [] };
  }
}
