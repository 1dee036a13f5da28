import type { AlertNotice, AlertSink } from '../bot/index.js';
import { formatInstant } from '../core/verdict/index.js';

/** The alert as one JSON object (a line of `watch --json`): for cron, a Windows service or another chat system. */
export function alertJson(notice: AlertNotice): Record<string, unknown> {
  const { alert } = notice;
  return {
    at: new Date(Number.isFinite(alert.at) ? alert.at : Date.now()).toISOString(),
    user: alert.user,
    cause: alert.cause,
    summary: notice.summary,
    count: alert.count,
    nodes: alert.nodes,
    clients: alert.clients,
    likely: alert.likely,
    source: alert.source,
    followUp: notice.followUp,
  };
}

/** One line per alert; follow-ups within the cooldown are indented under it. Control characters from logs are dropped. */
export function alertText(notice: AlertNotice): string {
  // A log line could carry terminal escape sequences: control characters become spaces.
  const text = [...notice.summary]
    .map((char) => (char.charCodeAt(0) < 32 || char.charCodeAt(0) === 127 ? ' ' : char))
    .join('');
  return `${notice.followUp ? '  ... ' : ''}${formatInstant(notice.alert.at)}  ${notice.alert.cause}  ${text}\n`;
}

/** Alerts printed to a stream (the terminal, a service's log), as text or JSON lines. */
export function createLineAlertSink(write: (text: string) => Promise<void>, json: boolean): AlertSink {
  const print = (notice: AlertNotice): Promise<void> =>
    write(json ? `${JSON.stringify(alertJson(notice))}\n` : alertText(notice));
  return {
    async post(notice) {
      await print(notice);
      return null;
    },
    async followUp(_ref, notice) {
      await print(notice);
    },
  };
}
