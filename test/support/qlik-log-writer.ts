import { appendFileSync, existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { LOG_LAYOUTS } from '../../src/core/logs/index.js';

/** `20190201T045901.678+0100`: a Qlik timestamp of `at` in the node's own zone (`offsetMinutes` east of UTC). */
export function qlikTimestamp(at: number, offsetMinutes: number): string {
  const local = new Date(at + offsetMinutes * 60_000);
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  const sign = offsetMinutes < 0 ? '-' : '+';
  const offset = Math.abs(offsetMinutes);
  return (
    `${local.getUTCFullYear()}${pad(local.getUTCMonth() + 1)}${pad(local.getUTCDate())}T${pad(local.getUTCHours())}${pad(local.getUTCMinutes())}${pad(local.getUTCSeconds())}` +
    `.${pad(local.getUTCMilliseconds(), 3)}${sign}${pad(Math.floor(offset / 60))}${pad(offset % 60)}`
  );
}

type Row = Record<string, string>;

function line(layout: keyof typeof LOG_LAYOUTS, row: Row): string {
  return LOG_LAYOUTS[layout].map((column) => row[column] ?? '').join('\t');
}

/** A node's log folder written the way Qlik writes it: BOM, header, TAB-separated rows, CRLF, rollover by rename. */
export class QlikNodeLogs {
  private sequence = 1;

  constructor(
    readonly logDir: string,
    readonly host: string,
    readonly offsetMinutes: number,
  ) {}

  path(layout: 'AuditActivity_Proxy' | 'AuditSecurity_Proxy' | 'AuditSecurity_Repository'): string {
    const folder = layout === 'AuditSecurity_Repository' ? 'Repository/Audit' : 'Proxy/Audit';
    return join(this.logDir, folder, `${this.host}_${layout}.txt`);
  }

  private append(
    layout: 'AuditActivity_Proxy' | 'AuditSecurity_Proxy' | 'AuditSecurity_Repository',
    text: string,
  ): void {
    const path = this.path(layout);
    mkdirSync(dirname(path), { recursive: true });
    // A new file starts with the BOM and the header row, as Qlik's are.
    if (existsSync(path)) appendFileSync(path, text);
    else writeFileSync(path, `\uFEFF${LOG_LAYOUTS[layout].join('\t')}\r\n${text}`);
  }

  private common(at: number, user: string, sessionId: string): Row {
    const [directory = '', id = ''] = user.split('\\');
    return {
      'Sequence#': String(this.sequence++),
      ProductVersion: '11.41.1.0',
      Timestamp: qlikTimestamp(at, this.offsetMinutes),
      Hostname: this.host,
      Id: crypto.randomUUID(),
      ProxySessionId: sessionId,
      ProxyPackageId: '0',
      RequestSequenceId: '0',
      UserDirectory: directory,
      UserId: id,
      ObjectId: '0',
      Checksum: 'c9bf4819b0efac3bda01a931ef03708b91cd747a',
    };
  }

  /** Start session (AuditActivity_Proxy) and the Login with the client address (AuditSecurity_Proxy). */
  start(at: number, user: string, sessionId: string, client: string, options: { partial?: boolean } = {}): void {
    const row = this.common(at, user, sessionId);
    this.append(
      'AuditActivity_Proxy',
      `${line('AuditActivity_Proxy', { ...row, Description: 'Command=Start session;Result=0;ResultText=Success', ObjectName: user, Service: 'Proxy', Origin: 'Not available', Context: `/qps/sessionstart/${row['UserId'] ?? ''}`, Command: 'Start session', Result: '0', Message: `Start session for user: '${user}'`, Id2: row['Id'] ?? '' })}\r\n`,
    );
    const login = line('AuditSecurity_Proxy', {
      ...this.common(at + 5, user, sessionId),
      Description: 'Command=Login;Result=0;ResultText=Success',
      ObjectName: 'Not available',
      SecurityClass: 'Security',
      ClientHostAddress: client,
      Service: 'Proxy',
      Origin: 'AppAccess',
      Context: '/hub/',
      Command: 'Login',
      Result: '0',
      Message: `User authenticated. User '${user}' used authentication method 'ticket' and got session '${sessionId}'`,
    });
    if (options.partial === true) {
      // The writer is in the middle of the line: half now, the rest (and its line end) later.
      const half = Math.floor(login.length / 2);
      this.append('AuditSecurity_Proxy', login.slice(0, half));
      this.pendingRest = `${login.slice(half)}\r\n`;
    } else this.append('AuditSecurity_Proxy', `${login}\r\n`);
  }

  private pendingRest: string | null = null;

  /** The rest of a line written half by `start(..., { partial: true })`. */
  finishPartial(): void {
    if (this.pendingRest === null) return;
    this.append('AuditSecurity_Proxy', this.pendingRest);
    this.pendingRest = null;
  }

  stop(at: number, user: string, sessionId: string): void {
    const row = this.common(at, user, sessionId);
    this.append(
      'AuditActivity_Proxy',
      `${line('AuditActivity_Proxy', { ...row, Description: 'Command=Stop session;Result=0;ResultText=Success', ObjectName: user, Service: 'Proxy', Origin: 'Not available', Context: '/qps/sessionstop', Command: 'Stop session', Result: '0', Message: `Stop session for user '${user}' . Session id = '${sessionId}' and all dependents will be deleted.`, Id2: row['Id'] ?? '' })}\r\n`,
    );
  }

  /** The repository's refusal at the limit (the KB's message text in a full row). */
  denyAtLimit(at: number, user: string, sessionId: string, client: string): void {
    const row = this.common(at, user, sessionId);
    this.append(
      'AuditSecurity_Repository',
      `${line('AuditSecurity_Repository', {
        ...row,
        ProductVersion: '20.4.2.0',
        Description: 'Command=License user access;Result=403;ResultText=Error: Access denied',
        ObjectName: 'Not available',
        SecurityClass: 'License',
        ClientHostAddress: 'Not available',
        Service: 'Repository',
        Origin: 'AppAccess',
        Context: '/qrs/requestaccesstype',
        Command: 'License user access',
        Result: '403',
        Message: `Access was denied for User: '${user}', with AccessID '264ff070-6306-4f1b-85db-21a8468939b5', SessionID: '${sessionId}', SessionCount: '5', Hostname: '${client}', OperationType: 'UsageDenied'`,
      })}\r\n`,
    );
  }

  /** Qlik archives the live file by renaming it (`<host>_<log>_<UTC time>.log`) and starts a new one. */
  rollOver(
    layout: 'AuditActivity_Proxy' | 'AuditSecurity_Proxy' | 'AuditSecurity_Repository',
    at: number,
    archiveDir?: string,
  ): string {
    const stamp = new Date(at).toISOString().slice(0, 19).replace(/:/g, '.');
    const target = join(archiveDir ?? dirname(this.path(layout)), `${this.host}_${layout}_${stamp}Z.log`);
    mkdirSync(dirname(target), { recursive: true });
    renameSync(this.path(layout), target);
    return target;
  }
}
