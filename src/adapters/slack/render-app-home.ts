import type { types } from '@slack/bolt';
import type { FeedbackCount, QlikApiStatus } from '../../bot/index.js';
import { escapeMrkdwn } from './to-mrkdwn.js';
import { ACTION_IDS } from './action-ids.js';
import { clampText } from './block-kit-limits.js';
import { SLASH_COMMAND } from './command-listener.js';

type KnownBlock = types.KnownBlock;

/** One alert of the watch as the store keeps it (list `watch:recent-alerts`, newest first). */
export interface HomeAlert {
  readonly at: string;
  readonly user: string;
  readonly cause: string;
  readonly summary: string;
}

export interface HomeContent {
  readonly entries: readonly { readonly id: string; readonly title: string }[];
  readonly admin: boolean;
  /** For admins: null when the APIs are not configured. */
  readonly qlik: QlikApiStatus | null;
  readonly alerts: readonly HomeAlert[];
  readonly feedback: readonly FeedbackCount[];
}

/** App Home holds up to 100 blocks; the entry buttons come five to an actions block. */
const HOME_BLOCKS = 100;
const BUTTONS_PER_ROW = 5;
const SHOWN_ALERTS = 10;
const SHOWN_FEEDBACK = 10;

const section = (text: string): KnownBlock => ({
  type: 'section',
  text: { type: 'mrkdwn', text: clampText(text, 3000) },
});

function qlikLines(status: QlikApiStatus | null): string {
  if (status === null || !status.configured) {
    const missing = status?.missing ?? [];
    return `*Qlik APIs:* not configured. ${missing.length > 0 ? `Set ${missing.map(escapeMrkdwn).join('; ')}.` : 'Set QLIK_CERT_DIR and QLIK_PROXY_URLS (README "Live Qlik Sense checks").'}`;
  }
  const answering = status.nodes.filter((node) => node.answering).length;
  const nodes = status.nodes.map(
    (node) =>
      `• ${escapeMrkdwn(node.url)}: ${node.answering ? 'answering' : `not answering (${escapeMrkdwn(node.detail)})`}`,
  );
  return [
    `*Qlik APIs:* configured, ${answering} of ${status.nodes.length} proxy node${status.nodes.length === 1 ? '' : 's'} answering.`,
    ...nodes,
    `*Client certificate:* ${escapeMrkdwn(status.certificateDetail)}`,
  ].join('\n');
}

/** The App Home tab: what the bot does, how to bring logs, the knowledge index, and for admins the site's state. Pure. */
export function renderAppHome(content: HomeContent): types.HomeView {
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: 'qlik-sessions' } },
    section(
      'I explain the Qlik Sense errors *"too many sessions active in parallel"* and *"no access pass"*, and read Qlik Sense logs to say who hit the limit of 5 parallel sessions, when, and what to do.',
    ),
    section(
      [
        '*Bring me logs*',
        `• In a thread: paste the log lines or share the files there; or on any message use *Analyze with qlik-sessions* (the ⋯ menu).`,
        `• Privately: send them to me here in Messages, or use the form: *Analyze a log* below, the global shortcut, or \`${SLASH_COMMAND} analyze\`.`,
        `• Which files: \`C:\\ProgramData\\Qlik\\Sense\\Log\\Repository\\Audit\\<host>_AuditSecurity_Repository.txt\` and \`Proxy\\Audit\\<host>_AuditActivity_Proxy.txt\` from around the error, or the Log Collector .zip.`,
        `• \`${SLASH_COMMAND} help\` lists the commands.`,
      ].join('\n'),
    ),
    {
      type: 'actions',
      elements: [
        {
          type: 'button',
          action_id: ACTION_IDS.homeAnalyze,
          text: { type: 'plain_text', text: 'Analyze a log' },
          style: 'primary',
          value: 'analyze',
        },
      ],
    },
    { type: 'divider' },
    section('*Knowledge*: open an entry.'),
  ];
  for (let start = 0; start < content.entries.length; start += BUTTONS_PER_ROW) {
    blocks.push({
      type: 'actions',
      elements: content.entries.slice(start, start + BUTTONS_PER_ROW).map((entry) => ({
        type: 'button',
        action_id: `${ACTION_IDS.homeEntry}:${entry.id}`.slice(0, 255),
        text: { type: 'plain_text', text: clampText(escapeMrkdwn(entry.title), 75) },
        value: entry.id,
      })),
    });
  }
  if (content.admin) {
    blocks.push(
      { type: 'divider' },
      { type: 'header', text: { type: 'plain_text', text: 'For admins' } },
      section(qlikLines(content.qlik)),
    );
    const alerts = content.alerts.slice(0, SHOWN_ALERTS);
    blocks.push(
      section(
        alerts.length === 0
          ? '*Recent alerts:* none. The watch (`qlik-sessions watch`, or QLIK_LOG_DIR with `serve`) posts them to QLIK_ALERT_CHANNEL.'
          : [
              '*Recent alerts*',
              ...alerts.map(
                (alert) =>
                  `• ${escapeMrkdwn(alert.at.slice(0, 16).replace('T', ' '))} UTC · ${escapeMrkdwn(alert.user)} · ${escapeMrkdwn(alert.cause)}: ${escapeMrkdwn(alert.summary)}`,
              ),
            ].join('\n'),
      ),
    );
    const feedback = content.feedback.slice(0, SHOWN_FEEDBACK);
    blocks.push(
      section(
        feedback.length === 0
          ? '*Feedback:* no votes yet.'
          : [
              '*Feedback* (helpful / not helpful)',
              ...feedback.map((row) => `• \`${escapeMrkdwn(row.topic)}\`: ${row.helpful} / ${row.notHelpful}`),
            ].join('\n'),
      ),
    );
  }
  return { type: 'home', blocks: blocks.slice(0, HOME_BLOCKS) };
}
