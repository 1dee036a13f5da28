/** Every trace log (Trace folders) starts with these columns; each layout adds its own after `Message`. */
const TRACE_COLUMNS = [
  'Sequence#',
  'Timestamp',
  'Level',
  'Hostname',
  'Logger',
  'Thread',
  'Id',
  'ServiceUser',
  'Message',
] as const;

/** Audit logs (and the proxy's Service log) start with these; the Service log puts a Severity between the two. */
const AUDIT_HEAD = ['Sequence#', 'ProductVersion', 'Timestamp'] as const;
const AUDIT_SUBJECT = [
  'Hostname',
  'Id',
  'Description',
  'ProxySessionId',
  'ProxyPackageId',
  'RequestSequenceId',
  'UserDirectory',
  'UserId',
  'ObjectId',
  'ObjectName',
] as const;
/** What the activity audit and the Service log have after the subject of a row. */
const ACTIVITY_TAIL = ['Service', 'Origin', 'Context', 'Command', 'Result', 'Message', 'Id2'] as const;

/** The repository's and the proxy's security audit logs share one header; the Service column tells them apart. */
const AUDIT_SECURITY_COLUMNS = [
  ...AUDIT_HEAD,
  ...AUDIT_SUBJECT,
  'SecurityClass',
  'ClientHostAddress',
  'Service',
  'Origin',
  'Context',
  'Command',
  'Result',
  'Message',
  'Checksum',
] as const;

/** The Qlik Sense log layouts of reference section 1, with their columns as the April 2018 headers name them. */
export const LOG_LAYOUTS = {
  AuditSecurity_Repository: AUDIT_SECURITY_COLUMNS,
  License_Repository: [
    ...TRACE_COLUMNS,
    'ProxySessionId',
    'AccessTypeId',
    'AccessType',
    'Operation',
    'UserName',
    'UserId',
    'Checksum',
  ],
  AuditActivity_Proxy: [...AUDIT_HEAD, ...AUDIT_SUBJECT, ...ACTIVITY_TAIL],
  AuditSecurity_Proxy: AUDIT_SECURITY_COLUMNS,
  Audit_Proxy: [
    ...TRACE_COLUMNS,
    'ProxySessionId',
    'ConnectionId',
    'ActiveUserDirectory',
    'ActiveUserId',
    'TicketId',
    'IpAddress',
    'AppId',
    'TargetHost',
    'VirtualProxy',
    'Checksum',
  ],
  Service_Proxy: [...AUDIT_HEAD, 'Severity', ...AUDIT_SUBJECT, ...ACTIVITY_TAIL],
  Session_Engine: [
    ...TRACE_COLUMNS,
    'ProxySessionId',
    'ActiveUserDirectory',
    'ActiveUserId',
    'EngineTimestamp',
    'EngineThread',
    'ProcessId',
    'SessionId',
    'Exe Version',
    'Server Started',
    'ProxyPackageId',
    'AppId',
    'App Title',
    'Doc Timestamp',
    'Exit Reason',
    'Session Start',
    'Session Duration',
    'CPU Spent (s)',
    'Bytes Received',
    'Bytes Sent',
    'Calls',
    'Selections',
    'Authenticated User',
    'Secure Protocol',
    'Id2',
  ],
  System_Proxy: [...TRACE_COLUMNS, 'Exception', 'StackTrace', 'Id2'],
  TaskExecution_Scheduler: [
    ...TRACE_COLUMNS,
    'Exception',
    'StackTrace',
    'ProxySessionId',
    'TaskId',
    'TaskName',
    'AppId',
    'AppName',
    'ExecutionId',
    'ExecutingNodeId',
    'ExecutingNodeName',
    'Status',
    'StartTime',
    'StopTime',
    'Duration',
    'FailureReason',
    'Id2',
  ],
} as const;

export type LogLayoutName = keyof typeof LOG_LAYOUTS;
export const LOG_LAYOUT_NAMES = Object.keys(LOG_LAYOUTS) as LogLayoutName[];

/** Column name -> index, read from a header row (other versions add or move columns, so never trust positions). */
export type ColumnMap = ReadonlyMap<string, number>;

export interface Layout {
  readonly name: LogLayoutName;
  readonly columns: ColumnMap;
}

function columnMap(names: readonly string[]): ColumnMap {
  return new Map(names.map((name, index) => [name, index]));
}

const DEFAULT_LAYOUTS: Readonly<Record<LogLayoutName, Layout>> = Object.fromEntries(
  LOG_LAYOUT_NAMES.map((name) => [name, { name, columns: columnMap(LOG_LAYOUTS[name]) }]),
) as Record<LogLayoutName, Layout>;

export function defaultLayout(name: LogLayoutName): Layout {
  return DEFAULT_LAYOUTS[name];
}

/** The layout a header row announces, told apart by its distinctive columns; null when it is no Qlik header. */
export function layoutFromHeader(fields: readonly string[]): Layout | null {
  const names = fields.map((field) => field.trim());
  if (names[0] !== 'Sequence#') return null;
  const has = (column: string): boolean => names.includes(column);
  let name: LogLayoutName | null = null;
  if (has('TaskName') && has('StartTime')) name = 'TaskExecution_Scheduler';
  else if (has('Exit Reason') || has('EngineTimestamp')) name = 'Session_Engine';
  else if (has('AccessType') && has('Operation')) name = 'License_Repository';
  else if (has('ActiveUserDirectory') && has('IpAddress')) name = 'Audit_Proxy';
  else if (has('SecurityClass') && has('ClientHostAddress')) name = 'AuditSecurity_Repository';
  else if (has('Severity') && has('Description')) name = 'Service_Proxy';
  else if (has('Description') && has('UserDirectory')) name = 'AuditActivity_Proxy';
  // The System logs of every service share these columns; only the proxy's say anything (its stops and starts).
  else if (has('Logger') && has('Exception') && has('StackTrace')) name = 'System_Proxy';
  // AuditSecurity_Proxy has the same columns as AuditSecurity_Repository: the Service column of each row decides.
  return name === null ? null : { name, columns: columnMap(names) };
}

const TRACE_LOGGERS: readonly (readonly [string, LogLayoutName])[] = [
  ['Audit.Proxy', 'Audit_Proxy'],
  ['License.Repository', 'License_Repository'],
  ['TaskExecution.Scheduler', 'TaskExecution_Scheduler'],
  ['Session.Engine', 'Session_Engine'],
  ['System.Proxy', 'System_Proxy'],
];

/** The layout of a header-less TAB-separated row, recognised from the row itself (logger, Description column). */
export function layoutFromRow(fields: readonly string[]): Layout | null {
  const logger = fields[4];
  if (logger !== undefined) {
    for (const [prefix, name] of TRACE_LOGGERS) if (logger.startsWith(prefix)) return DEFAULT_LAYOUTS[name];
  }
  if (fields[5]?.startsWith('Command=') === true) {
    if (fields.length >= 22 || fields[13] === 'Security' || fields[13] === 'License') {
      return DEFAULT_LAYOUTS[fields[15] === 'Proxy' ? 'AuditSecurity_Proxy' : 'AuditSecurity_Repository'];
    }
    return DEFAULT_LAYOUTS.AuditActivity_Proxy;
  }
  if (fields[6]?.startsWith('Command=') === true) return DEFAULT_LAYOUTS.Service_Proxy;
  return null;
}
