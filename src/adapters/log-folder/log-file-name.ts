/** The logs the watch and `why` read: the ones with proxy sessions, licence grants and denials, and reloads. */
export const FOLLOWED_LAYOUTS = [
  'AuditActivity_Proxy',
  'AuditSecurity_Proxy',
  'Audit_Proxy',
  'Service_Proxy',
  'AuditSecurity_Repository',
  'License_Repository',
  'TaskExecution_Scheduler',
] as const;

export type FollowedLayout = (typeof FOLLOWED_LAYOUTS)[number];

/** What a Qlik log file name says: `QS1_AuditActivity_Proxy.txt` (live) or `..._2019-02-01T03.59.01Z.log` (archived then). */
export interface LogFileName {
  readonly host: string;
  readonly layout: FollowedLayout;
  /** The rollover instant of an archived file (its last line is before it); null for the live file. */
  readonly archivedAt: number | null;
  /** Host and layout: the live file and its archives form one series. */
  readonly series: string;
}

const NAME = new RegExp(`^(.+?)_(${FOLLOWED_LAYOUTS.join('|')})(?:_(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2})\\.(\\d{2})\\.(\\d{2})Z)?\\.(txt|log)$`, 'i');

/** Null for any other file (engine logs, system logs, zips): the watch does not read them. */
export function parseLogFileName(name: string): LogFileName | null {
  const match = NAME.exec(name);
  if (match === null) return null;
  const [, host = '', layoutText = '', year, month, day, hour, minute, second] = match;
  const layout = FOLLOWED_LAYOUTS.find((candidate) => candidate.toLowerCase() === layoutText.toLowerCase()) as FollowedLayout;
  const archivedAt = year === undefined ? null : Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second));
  // Archived names end in .log; a live file is .txt. A `.log` without a stamp is read as live.
  return { host, layout, archivedAt, series: `${host.toLowerCase()}_${layout.toLowerCase()}` };
}
