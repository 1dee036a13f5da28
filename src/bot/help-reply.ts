import type { Reply } from './reply.js';
import { code, strong, type RichText } from '../core/text/index.js';

export interface HelpOptions {
  /** How a command is typed where the help is read: `/qlik-sessions ` in Slack, nothing in the console. */
  readonly commandPrefix?: string;
  /** Ways in that only this surface has (Slack's shortcuts and App Home), one line each. */
  readonly tips?: readonly RichText[];
}

/** What the bot does, its commands as they are typed here, how to paste a log, and which files to take from the server. */
export function helpReply(options: HelpOptions = {}): Reply {
  const typed = (command: string) => code(`${options.commandPrefix ?? ''}${command}`);
  const tips = options.tips ?? [];
  return {
    tone: 'help',
    headline:
      'I explain and diagnose the Qlik Sense hub errors "too many sessions active in parallel" and "you have no access pass".',
    sections: [
      {
        title: 'Ask or paste',
        paragraphs: [
          "Ask a question in your own words, or paste Qlik Sense log lines (in a ``` block is fine): I count each user's parallel proxy sessions (the limit is 5) and say who hit the limit, when, and why.",
        ],
        steps: [],
      },
      {
        title: 'Commands',
        paragraphs: [
          [typed('help'), ': this text'],
          [typed('analyze'), ': with log lines pasted after it, a verdict on the sessions in them'],
          [typed('kb'), ': the knowledge entries; ', typed('kb five-session-limit'), ' shows one'],
          [typed('ask <question>'), ' (or just the question): the entries that answer it'],
          [typed('sessions DOMAIN\\user'), ': live sessions of a user on every proxy node (Qlik APIs needed)'],
          [typed('licenses DOMAIN\\user'), ": the user's licence allocations (Qlik APIs needed)"],
          [
            typed('doctor'),
            ': checks the site for known causes, such as a licensed service account (Qlik APIs needed)',
          ],
          [
            code('end DOMAIN\\user'),
            ': admins only, in a direct message: shows the live sessions, then ends them once you confirm',
          ],
          [
            typed('why DOMAIN\\user [2h]'),
            ": the verdict for a user from the site's log folders over the last 2 hours (QLIK_LOG_DIR needed)",
          ],
        ],
        steps: [],
      },
      ...(tips.length === 0 ? [] : [{ title: 'Other ways in', paragraphs: tips, steps: [] }]),
      {
        title: 'Which log files to take from the Qlik Sense server',
        paragraphs: [
          [
            'Under ',
            code('C:\\ProgramData\\Qlik\\Sense\\Log\\'),
            ' on each node, the lines around the time of the error from:',
          ],
        ],
        steps: [
          [
            code('Repository\\Audit\\<host>_AuditSecurity_Repository.txt'),
            ': licence grants and ',
            strong('UsageDenied'),
            ' with SessionCount',
          ],
          [code('Proxy\\Audit\\<host>_AuditActivity_Proxy.txt'), ': session start and stop'],
          [code('Proxy\\Trace\\<host>_Audit_Proxy.txt'), ': timeouts and invalid session cookies'],
        ],
      },
    ],
    facts: null,
    entries: [],
    caveats: [],
    actions: [],
  };
}
