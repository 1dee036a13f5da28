import type { EndReport } from '../core/live/index.js';
import { nodeErrorCaveats } from './sessions-reply.js';
import type { Reply } from './reply.js';

/** After an admin ended a user's sessions. */
export function endSessionsReply(report: EndReport): Reply {
  const partial = report.errors.length > 0 ? ' on the nodes that answered; the others still hold theirs' : '';
  const headline =
    report.ended === 0 && report.errors.length === 0
      ? `${report.user} had no live sessions to end.`
      : `Ended ${report.ended} session${report.ended === 1 ? '' : 's'} of ${report.user}${partial}. The user can log in again; at the limit, Qlik may hold the freed access for up to five minutes.`;
  return {
    tone: 'live',
    headline,
    sections: [],
    facts: null,
    entries: [],
    caveats: nodeErrorCaveats(report.errors),
    actions: [],
  };
}
