import type { LikelyCause, WatchAlert } from '../../core/watch/index.js';
import { SESSION_LIMIT } from '../../core/verdict/index.js';

/** What each likely cause means, in the words an admin acts on. */
export const LIKELY_CAUSE_TEXT: Readonly<Record<LikelyCause, string>> = {
  'service-account': 'the Qlik service account (the Monitoring apps open a session per REST call)',
  script: 'a script, mashup or API client opening a new session each time (many from one client within a minute)',
  'several-clients': 'several browsers or machines (each browser, machine or incognito window is a session of its own)',
  'one-client':
    'one client with several sessions: other browsers on that machine, an embedded app or an incognito window',
};

function list(values: readonly string[]): string {
  return values.length === 0 ? '' : values.join(', ');
}

/** One plain line per alert: the terminal's text, the notification text and the `summary` of `watch:recent-alerts`. */
export function alertSummary(alert: WatchAlert): string {
  const on = alert.nodes.length === 0 ? '' : ` on ${list(alert.nodes)}`;
  const likely = alert.likely === null ? '' : `; likely ${LIKELY_CAUSE_TEXT[alert.likely].split(' (')[0] ?? ''}`;
  switch (alert.cause) {
    case 'at-limit':
      return `${alert.user} has ${alert.count ?? SESSION_LIMIT} parallel sessions${on}, at the limit of ${SESSION_LIMIT}: the next one will be refused${likely}.`;
    case 'refused':
      return `${alert.user} was refused a session at the limit of ${SESSION_LIMIT}${alert.count === null ? '' : ` (SessionCount ${alert.count})`}${on}.`;
    case 'service-account-licensed':
      return `The service account ${alert.user} was granted a licence${on}: its Monitoring-app sessions now count towards the limit; remove the allocation.`;
    case 'cookie-burst':
      return `${alert.user} came back with an expired session cookie and opened ${alert.count ?? 'several'} new sessions within seconds${on}.`;
    case 'count-dropped':
      return `${alert.user} is down to ${alert.count ?? 0} parallel session${alert.count === 1 ? '' : 's'}${on}, below the limit of ${SESSION_LIMIT}.`;
  }
}
