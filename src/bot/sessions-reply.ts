import { SESSION_LIMIT } from '../core/verdict/index.js';
import type { NodeError, SessionsReport } from '../core/live/index.js';
import type { Reply, ReplyAction } from './reply.js';
import { endpointTable, sessionsPerEndpoint } from './sessions-per-endpoint.js';
import { plural, type RichText } from '../core/text/index.js';

export function nodeErrorCaveats(errors: readonly NodeError[]): RichText[] {
  return errors.map(
    (error) =>
      `${error.proxy}${error.virtualProxy === '' ? '' : ` (virtual proxy ${error.virtualProxy})`} did not answer, so its sessions are missing from the count: ${error.message}`,
  );
}

/** `CORP\\mweber has 3 live sessions (the limit is 5).`: the count as the sessions command and a verdict say it. */
export function liveCountSentence(report: SessionsReport): string {
  return `${report.user} has ${plural(report.total, 'live session')}${partialCount(report)} (the limit is ${SESSION_LIMIT}).`;
}

function partialCount(report: SessionsReport): string {
  return report.errors.length > 0 ? ' on the nodes that answered' : '';
}

/** Live sessions of one user, per proxy node and virtual proxy; admins get the button that ends them. */
export function sessionsReply(report: SessionsReport, canEnd: boolean): Reply {
  const counts = sessionsPerEndpoint(report.sessions);
  const headline =
    report.total >= SESSION_LIMIT
      ? `${report.user} has ${report.total} live sessions${partialCount(report)}: ` +
        `at the limit of ${SESSION_LIMIT}, so a new browser or device is refused.`
      : liveCountSentence(report);
  const actions: ReplyAction[] =
    canEnd && report.total > 0 ? [{ kind: 'end-sessions', user: report.user, liveSessions: report.total }] : [];
  return {
    tone: 'live',
    headline,
    sections: [],
    facts: counts.length === 0 ? null : endpointTable(counts),
    entries: [],
    caveats: nodeErrorCaveats(report.errors),
    actions,
  };
}
