import { SESSION_LIMIT } from '../core/verdict/index.js';
import type { NodeError, SessionsReport } from '../core/live/index.js';
import type { Reply, ReplyAction } from './reply.js';
import { sessionsPerEndpoint } from './sessions-per-endpoint.js';
import type { RichText } from '../core/text/index.js';

export function nodeErrorCaveats(errors: readonly NodeError[]): RichText[] {
  return errors.map(
    (error) => `${error.proxy}${error.virtualProxy === '' ? '' : ` (virtual proxy ${error.virtualProxy})`} did not answer, so its sessions are missing from the count: ${error.message}`,
  );
}

/** Live sessions of one user, per proxy node and virtual proxy; admins get the button that ends them. */
export function sessionsReply(report: SessionsReport, canEnd: boolean): Reply {
  const counts = sessionsPerEndpoint(report.sessions);
  const partial = report.errors.length > 0 ? ' on the nodes that answered' : '';
  const headline =
    report.total >= SESSION_LIMIT
      ? `${report.user} has ${report.total} live sessions${partial}: at the limit of ${SESSION_LIMIT}, so a new browser or device is refused.`
      : `${report.user} has ${report.total} live session${report.total === 1 ? '' : 's'}${partial} (the limit is ${SESSION_LIMIT}).`;
  const actions: ReplyAction[] = canEnd && report.total > 0 ? [{ kind: 'end-sessions', user: report.user, liveSessions: report.total }] : [];
  return {
    tone: 'live',
    headline,
    sections: [],
    facts:
      counts.length === 0
        ? null
        : {
            columns: ['proxy', 'virtual proxy', 'sessions'],
            rows: counts.map((row) => [row.proxy, row.virtualProxy === '' ? '(default)' : row.virtualProxy, String(row.count)]),
          },
    entries: [],
    caveats: nodeErrorCaveats(report.errors),
    actions,
  };
}
