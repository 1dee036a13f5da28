import { parseLogFileName as parseQlikLogFileName } from '../../core/logs/index.js';

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

/** Null for any other file (engine logs, system logs, zips, gzipped copies): the watch does not read them. */
export function parseLogFileName(name: string): LogFileName | null {
  const parsed = parseQlikLogFileName(name);
  if (parsed === null || parsed.gzipped || (parsed.extension !== 'txt' && parsed.extension !== 'log')) return null;
  const layout = FOLLOWED_LAYOUTS.find((followed) => followed === parsed.layout);
  if (layout === undefined) return null;
  // Archived names end in .log; a live file is .txt. A `.log` without a stamp is read as live.
  const { host, archivedAt } = parsed;
  return { host, layout, archivedAt, series: `${host.toLowerCase()}_${layout.toLowerCase()}` };
}
