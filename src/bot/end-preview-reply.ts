import { strong } from '../core/text/index.js';
import type { SessionsReport } from '../core/live/index.js';
import type { Reply } from './reply.js';
import { endpointTable, sessionsPerEndpoint } from './sessions-per-endpoint.js';
import { nodeErrorCaveats } from './sessions-reply.js';

/** How the person confirms: typing `yes` (the console) or the End button with its dialog (Slack). */
export type EndConfirmation = 'type-yes' | 'button';

/** Before ending: the live count and where the sessions are, and how to confirm. Nothing is ended yet. */
export function endPreviewReply(report: SessionsReport, confirmation: EndConfirmation): Reply {
  const partial = report.errors.length > 0 ? ' on the nodes that answered' : '';
  const counts = sessionsPerEndpoint(report.sessions);
  const caveats = nodeErrorCaveats(report.errors);
  if (report.total === 0) {
    return {
      tone: 'live',
      headline: `${report.user} has no live sessions${partial}: there is nothing to end.`,
      sections: [],
      facts: null,
      entries: [],
      caveats,
      actions: [],
    };
  }
  const s = report.total === 1 ? '' : 's';
  const how =
    confirmation === 'type-yes'
      ? [
          'Type ',
          strong('yes'),
          ` to end ${report.total === 1 ? 'it' : `all ${report.total}`}; anything else leaves them open.`,
        ]
      : [
          `Click the button to end ${report.total === 1 ? 'it' : `all ${report.total}`}; Slack asks once more before anything is ended.`,
        ];
  return {
    tone: 'live',
    headline: `${report.user} has ${report.total} live proxy session${s}${partial}. Ending ${report.total === 1 ? 'it' : 'them'} closes the apps the user has open; unsaved work is lost.`,
    sections: [{ title: 'Confirm', paragraphs: [how], steps: [] }],
    facts: endpointTable(counts),
    entries: [],
    caveats,
    actions: confirmation === 'button' ? [{ kind: 'end-sessions', user: report.user, liveSessions: report.total }] : [],
  };
}
