import { Buffer } from 'node:buffer';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOG_LAYOUTS, type LogEvent, type LogLayoutName } from '../../../src/core/logs/index.js';
import { InternedNames } from '../../../src/core/logs/interned-names.js';
import { newLineContext, parseLogLine, type LineContext } from '../../../src/core/logs/parse-log-line.js';
import { readRowInPlace } from '../../../src/core/logs/read-row-in-place.js';
import { APRIL_2018_LOG_DIR, hasSharedFixture, REPO_ROOT } from '../../support/shared-fixtures.js';
import { seededRandom as random } from '../../support/seeded-random.js';

interface Read {
  readonly outcome: unknown;
  readonly events: LogEvent[];
  /** What the context says after the line (the names it interned are a cache, not what it says). */
  readonly context: Pick<LineContext, 'header' | 'lastServiceUser'>;
}

/** A copy to read one line under; the names interned so far are shared, as they are for the lines of one input. */
const copyOf = (context: LineContext): LineContext => ({ ...context, names: (context.names ??= new InternedNames()) });
const saidBy = ({ header, lastServiceUser }: LineContext) => ({ header, lastServiceUser });

/** The line read in place as the scanner hands it on: inside a chunk's text, that text a part of its bytes. */
function inPlace(line: string, context: LineContext): Read | undefined {
  const text = `0\t1\n${line}\r\nSequence#`;
  const bytes = Buffer.concat([Buffer.from('earlier bytes'), Buffer.from(text, 'latin1')]);
  const events: LogEvent[] = [];
  const copy = copyOf(context);
  const outcome = readRowInPlace(bytes, 13, text, 4, 4 + line.length, copy, (event) => events.push(event));
  if (outcome === undefined) {
    expect(events, 'a row left to the parser emits nothing').toEqual([]);
    return undefined;
  }
  return { outcome, events, context: saidBy(copy) };
}

function parsed(line: string, context: LineContext): Read {
  const events: LogEvent[] = [];
  const copy = copyOf(context);
  const outcome = parseLogLine(line, copy, (event) => events.push(event));
  return { outcome, events, context: saidBy(copy) };
}

/** What the scanner hands to `onRow`: ASCII lines with nothing `normalizePastedLine` changes inside them. */
function offered(line: string): boolean {
  // eslint-disable-next-line no-control-regex
  return line !== '' && /^[\x00-\x7f]*$/.test(line) && !line.includes('&') && !line.includes('```');
}

/** Reads `line` both ways under `context`; true when it was read in place (and then exactly as the parser reads it). */
function sameBothWays(line: string, context: LineContext): boolean {
  if (!offered(line)) return false;
  const fast = inPlace(line, context);
  if (fast === undefined) return false;
  expect(fast, line).toEqual(parsed(line, context));
  return true;
}

function textFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? textFiles(path) : /\.(txt|log)$/.test(name) ? [path] : [];
  });
}

/** Every line of `path` read both ways, the context carried on by the parser; what was read in place, by kind. */
function readBothWays(path: string, tally: Map<string, number>): void {
  const context = newLineContext();
  for (const raw of readFileSync(path, 'utf8').split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (sameBothWays(line, context)) {
      const events = parsed(line, context).events;
      const kind = events.map((event) => ('via' in event ? event.via : event.kind)).join(',') || 'none';
      tally.set(kind, (tally.get(kind) ?? 0) + 1);
    }
    parseLogLine(line, context, () => undefined);
  }
}

type Layout = 'Audit_Proxy' | 'AuditSecurity_Proxy' | 'AuditActivity_Proxy' | 'System_Proxy' | 'License_Repository';

function row(layout: Layout, values: Record<string, string>): string {
  return LOG_LAYOUTS[layout].map((column) => values[column] ?? '').join('\t');
}

/** The context after the header and a first row: a trace log's ServiceUser has been passed on. */
function headerContext(layout: LogLayoutName): LineContext {
  const context = newLineContext();
  parseLogLine(LOG_LAYOUTS[layout].join('\t'), context, () => undefined);
  if (layout === 'Audit_Proxy' || layout === 'System_Proxy' || layout === 'License_Repository')
    context.lastServiceUser = 'CORP\\qlikservice';
  return context;
}

const SID = '3f2a8c1e-0b9d-4f6a-8e21-7c5d9b0a1e42';
const STAMP = '20240311T070000.123+0100';
const TRACE = {
  'Sequence#': '7',
  Timestamp: STAMP,
  Level: 'INFO',
  Hostname: 'QS1',
  Logger: 'Audit.Proxy.Proxy.SessionEstablishment.Authentication.AbstractAuthenticationHandler',
  Thread: '42',
  Id: 'a0b1',
  ServiceUser: 'CORP\\qlikservice',
  ProxySessionId: SID,
  ActiveUserDirectory: 'CORP',
  ActiveUserId: 'jdoe',
  IpAddress: '::ffff:10.1.2.3',
};
const AUDIT = {
  'Sequence#': '8',
  ProductVersion: '11.41.1.0',
  Timestamp: STAMP,
  Hostname: 'QS1',
  Id: 'b1c2',
  ProxySessionId: SID,
  ProxyPackageId: '0',
  RequestSequenceId: '0',
  UserDirectory: 'CORP',
  UserId: 'jdoe',
  ObjectId: '0',
  ObjectName: 'Not available',
  Service: 'Proxy',
  Origin: 'AppAccess',
  Context: '/hub/',
};

/** A System log's row (System_Repository's header is System_Proxy's): read in place as saying nothing. */
const SYSTEM = row('System_Proxy', {
  ...TRACE,
  Logger: 'System.Repository.Repository.Core.Synchronization',
  Message: 'Synchronization of the repository database completed in 143 ms',
  Id2: 'e8b6a412',
});

/** One row of each of the five kinds read in place, in the layout that writes it, with the header before it. */
const SEEDS: readonly { readonly layout: Layout; readonly line: string }[] = [
  {
    layout: 'Audit_Proxy',
    line: row('Audit_Proxy', { ...TRACE, Message: `User 'jdoe' used 'ticket' authentication, got session: '${SID}'` }),
  },
  {
    layout: 'Audit_Proxy',
    line: row('Audit_Proxy', { ...TRACE, Message: `Session ${SID} has been deleted due to inactivity` }),
  },
  {
    layout: 'AuditSecurity_Proxy',
    line: row('AuditSecurity_Proxy', {
      ...AUDIT,
      Description: 'Command=Login;Result=0;ResultText=Success',
      SecurityClass: 'Security',
      ClientHostAddress: '::ffff:10.1.2.3',
      Command: 'Login',
      Result: '0',
      Message: `User authenticated. User 'CORP\\jdoe' used authentication method 'ticket' and got session '${SID}'`,
    }),
  },
  {
    layout: 'AuditActivity_Proxy',
    line: row('AuditActivity_Proxy', {
      ...AUDIT,
      Description: 'Command=Start session;Result=0;ResultText=Success',
      Command: 'Start session',
      Message: "Start session for user: 'CORP\\jdoe'",
    }),
  },
  {
    layout: 'AuditActivity_Proxy',
    line: row('AuditActivity_Proxy', {
      ...AUDIT,
      Description: 'Command=Stop session;Result=0;ResultText=Success',
      Command: 'Stop session',
      Message: `Stop session for user 'CORP\\jdoe' . Session id = '${SID}' and all dependents will be deleted.`,
    }),
  },
  { layout: 'System_Proxy', line: SYSTEM },
  ...[", Hostname: '::ffff:10.69.9.46'", ", Hostname: ''", ''].map((tail) => ({
    layout: 'License_Repository' as const,
    line: row('License_Repository', {
      ...TRACE,
      Logger: 'License.Repository.Repository.Core.Resource.RequestAccessTypeResource',
      Message: `UsageID: 11a35176-4de4-07ac, SessionID: ${SID}, SessionCount: 1${tail}`,
      AccessTypeId: '767dba3f',
      AccessType: 'ProfessionalAccess',
      Operation: 'UsageGranted',
      UserName: 'CORP\\jdoe',
      UserId: '5b1e',
    }),
  })),
  {
    layout: 'Audit_Proxy',
    line: row('Audit_Proxy', {
      ...TRACE,
      Logger: 'Audit.Proxy.Proxy.DefaultModules.Session.SessionClientHandler',
      Message: `Session id = ${SID} and all dependents have been deleted.`,
    }),
  },
  {
    layout: 'Audit_Proxy',
    line: row('Audit_Proxy', {
      ...TRACE,
      Logger: 'Audit.Proxy.Proxy.DefaultModules.Session.SessionClientHandler',
      Message: `Session id = '${SID}' and all dependents have been deleted.`,
    }),
  },
  {
    layout: 'AuditActivity_Proxy',
    line: row('AuditActivity_Proxy', {
      ...AUDIT,
      Description: 'Command=Open connection;Result=0;ResultText=Success',
      Command: 'Open connection',
      Message:
        `Backend web socket connection Opened for session '${SID}'. App id: 'ae6d5c81-ae42'. ` +
        "UserAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0'",
    }),
  },
  ...[
    ", Hostname: '::ffff:172.16.16.100', OperationType: 'UsageGranted'",
    ", Hostname: ''",
    ", OperationType: 'UsageGranted'",
    '',
  ].map((tail) => ({
    layout: 'AuditSecurity_Proxy' as const,
    line: row('AuditSecurity_Proxy', {
      ...AUDIT,
      Description: 'Command=License professional access;Result=0;ResultText=Success',
      SecurityClass: 'License',
      ClientHostAddress: 'Not available',
      Service: 'Repository',
      Context: '/qrs/requestaccesstype',
      Command: 'License professional access',
      Result: '0',
      Message:
        "Professional access granted for User: 'CORP\\jdoe' with UsageID: 'd89016d5-a6b2', " +
        `SessionID: '${SID}', SessionCount: '1'${tail}`,
    }),
  })),
  {
    layout: 'AuditSecurity_Proxy',
    line: row('AuditSecurity_Proxy', {
      ...AUDIT,
      Description: 'Command=Add app privileges;Result=0;ResultText=Success',
      SecurityClass: 'Security',
      ClientHostAddress: '::ffff:10.1.2.3',
      Command: 'Add app privileges:ProcessRequestAccessResult',
      Result: '0',
      Message: "Access to app 'ae6d5c81-ae42' allowed with access type 'ProfessionalAccessType', result code 'Ok'",
    }),
  },
];

/** Pieces that break or confuse the templates: quotes, spaces, TABs, wordings of other messages, other columns. */
const PIECES = [
  "'",
  "''",
  ' ',
  '\t',
  '\\',
  'x',
  '0',
  '&amp;',
  '```',
  '\u00e9',
  'Session ',
  "User '",
  "Start session for user: '",
  "Stop session for user '",
  "' . Session id = '",
  "' used '",
  ' has been deleted due to inactivity',
  ' due to inactivity',
  "User authenticated. User '",
  "' and got session '",
  "' authentication, got session: '",
  'got session',
  'Command=Get ticket;',
  'Repository',
  'Proxy has stopped',
  'roxy',
  'SessionID',
  'got session',
  ' and all dependents have been deleted.',
  'Session id = ',
  ", Hostname: '",
  "', SessionCount: '",
  ' access granted for User',
  'was denied for User',
  ', SessionID: ',
  ', SessionCount: ',
  ',',
  "' allowed with access type '",
  "'. UserAgent: '",
  'NoAvailableAccessType',
  '',
];

/** A seed row with a few pieces put in, taken out or swapped at random places (mostly inside its message). */
function mutated(next: () => number, line: string): string {
  let text = line;
  const edits = 1 + Math.floor(next() * 3);
  const messageStart = line.lastIndexOf('\t', line.lastIndexOf('\t') - 1);
  for (let edit = 0; edit < edits; edit++) {
    const anywhere = next() < 0.3;
    const from = anywhere ? 0 : Math.min(messageStart, text.length);
    const at = from + Math.floor(next() * (text.length - from + 1));
    const piece = PIECES[Math.floor(next() * PIECES.length)] as string;
    const kind = next();
    if (kind < 0.6) text = text.slice(0, at) + piece + text.slice(at);
    else text = text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 4));
  }
  return text;
}

describe('readRowInPlace', () => {
  it.runIf(hasSharedFixture(APRIL_2018_LOG_DIR))(
    'reads every row of the real Log Collector folder it takes exactly as the parser does, and takes each kind',
    () => {
      const tally = new Map<string, number>();
      for (const path of textFiles(APRIL_2018_LOG_DIR)) readBothWays(path, tally);
      for (const kind of ['start', 'stop', 'login', 'got-session', 'timeout'])
        expect(tally.get(kind), kind).toBeGreaterThan(0);
    },
  );

  it("reads every row of the tests' own logs it takes exactly as the parser does", () => {
    const tally = new Map<string, number>();
    for (const path of textFiles(join(REPO_ROOT, 'test', 'fixtures', 'logs'))) readBothWays(path, tally);
    expect([...tally.values()].reduce((sum, count) => sum + count, 0)).toBeGreaterThan(50);
  });

  it.each(SEEDS)('reads the $layout seed in place, as the parser does', ({ layout, line }) => {
    expect(sameBothWays(line, headerContext(layout))).toBe(true);
  });

  it.each(SEEDS.map((seed, index) => ({ ...seed, index })))(
    'reads 5,000 broken $layout rows (seed $index) exactly as the parser does, or leaves them to it',
    ({ layout, line, index }) => {
      const context = headerContext(layout);
      const next = random(1 + index);
      let taken = 0;
      for (let round = 0; round < 5_000; round++) if (sameBothWays(mutated(next, line), context)) taken++;
      // Enough rows stay whole that both outcomes are exercised.
      expect(taken).toBeGreaterThan(200);
      expect(taken).toBeLessThan(4_800);
    },
  );

  it('leaves to the parser what only it reads right', () => {
    const [got, timeout, login, start] = SEEDS as [
      (typeof SEEDS)[0],
      (typeof SEEDS)[0],
      (typeof SEEDS)[0],
      (typeof SEEDS)[0],
    ];
    const trace = headerContext('Audit_Proxy');
    // No header yet: the row's own columns decide its layout.
    expect(inPlace(got.line, newLineContext())).toBeUndefined();
    // Another ServiceUser is an event of its own.
    expect(inPlace(got.line, { ...trace, lastServiceUser: 'CORP\\other' })).toBeUndefined();
    // A column more or less than the header has.
    expect(inPlace(`${got.line}\textra`, trace)).toBeUndefined();
    expect(inPlace(got.line.slice(0, got.line.lastIndexOf('\t')), trace)).toBeUndefined();
    // A user with a space could hold another message's wording.
    expect(inPlace(got.line.replace("User 'jdoe'", "User 'j doe'"), trace)).toBeUndefined();
    expect(inPlace(timeout.line.replace('inactivity', 'inactivity.'), trace)).toBeUndefined();
    const skipped = login.line.replace('Command=Login', 'Command=Get ticket');
    expect(inPlace(skipped, headerContext('AuditSecurity_Proxy'))?.outcome).toBe(null);
    // Spaces around a row are trimmed by the parser.
    expect(inPlace(` ${start.line}`, headerContext('AuditActivity_Proxy'))).toBeUndefined();
    expect(inPlace(`${start.line} `, headerContext('AuditActivity_Proxy'))).toBeUndefined();
  });

  it("takes a System log's rows as saying nothing, and leaves a proxy stop or start and a new ServiceUser to the parser", () => {
    const context = headerContext('System_Proxy');
    expect(inPlace(SYSTEM, context)).toEqual({ outcome: null, events: [], context: saidBy(context) });
    const stopped = SYSTEM.replace(
      'Synchronization of the repository database completed in 143 ms',
      'Proxy has stopped',
    );
    expect(inPlace(stopped, context)).toBeUndefined();
    expect(parsed(stopped, context).events).toEqual([
      { kind: 'proxy-restart', at: Date.UTC(2024, 2, 11, 6, 0, 0, 123), node: 'QS1', phase: 'stopped' },
    ]);
    expect(inPlace(SYSTEM, { ...context, lastServiceUser: 'CORP\\other' })).toBeUndefined();
  });

  it('names the security audit layout by its Service column, as the parser does', () => {
    const [, , login] = SEEDS as [unknown, unknown, (typeof SEEDS)[0]];
    const context = headerContext('AuditSecurity_Repository');
    expect(inPlace(login.line, context)?.outcome).toBe('AuditSecurity_Proxy');
    const repository = login.line.replace('\tProxy\t', '\tRepository\t');
    expect(sameBothWays(repository, context)).toBe(true);
    expect(inPlace(repository, context)?.outcome).toBe('AuditSecurity_Repository');
  });

  it('gives a got-session row the user its columns name when the message names only the id', () => {
    const [got] = SEEDS as [(typeof SEEDS)[0]];
    const read = inPlace(got.line, headerContext('Audit_Proxy'));
    expect(read?.events).toEqual([
      {
        kind: 'session-opened',
        at: Date.UTC(2024, 2, 11, 6, 0, 0, 123),
        user: 'CORP\\jdoe',
        sessionId: SID,
        via: 'got-session',
        client: '::ffff:10.1.2.3',
        context: null,
        node: 'QS1',
      },
    ]);
  });
});
