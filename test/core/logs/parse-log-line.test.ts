import { describe, expect, it } from 'vitest';
import { newLineContext, parseLogLine, type LogEvent } from '../../../src/core/logs/index.js';

// Verbatim rows of reference section 1 (fixtures), TAB-separated.
const LOGIN_ROW =
  "124\t11.41.1.0\t20190201T045901.524+0100\tQlikServer1\t6f79ef57-4530-4f49-b248-1e64a7572a67\tCommand=Login;Result=0;ResultText=Success\tea16b266-4dba-4468-bcc2-fe78dc120799\t0b79c806-dacd-47f5-8da1-f6f1df040eb0\t0\tDOMAIN\tqvservice\t0\tNot available\tSecurity\t::1\tProxy\tManagementAccess\t/qrs/license/useraccesstype/full?xrfkey=0000000000000000\tLogin\t0\tUser authenticated. User 'DOMAIN\\qvservice' used authentication method 'ticket' and got session 'ea16b266-4dba-4468-bcc2-fe78dc120799'\t45768214b9e085a17afccc30360176560ba4f4ba";
const DENIED_NO_LICENSE_ROW =
  "187\t20.4.2.0\t20190201T080842.467+0100\tQlikServer1\t0e0a1c0a-f2de-414a-b913-2fb38b7e28e9\tCommand=License user access;Result=403;ResultText=Error: Access denied\t8d7541cb-4205-4e57-b6ea-668edc0b5704\t0ebdba6c-74f9-44c1-9b8c-cc0a0f2b343d\t0\tDOMAIN\tadministrator\t0\tNot available\tLicense\tNot available\tRepository\tAppAccess\t/qrs/requestaccesstype\tLicense user access\t403\tLogin access denied for SessionID: '8d7541cb-4205-4e57-b6ea-668edc0b5704', Hostname: \"::ffff:172.16.16.100\", OperationType: 'UsageDenied'\t4f20885da4ded855c9ecdb6e0cbe1374bae6a60d";
const START_ROW =
  "379\t11.41.1.0\t20190201T045901.524+0100\tQlikServer1\tcd1bfd3e-391e-47c4-9cf9-a7398c267057\tCommand=Start session;Result=0;ResultText=Success\tea16b266-4dba-4468-bcc2-fe78dc120799\t0\t0\tDOMAIN\tqvservice\t0\tDOMAIN\\qvservice\tProxy\tNot available\t/qps/sessionstart/qvservice\tStart session\t0\tStart session for user: 'DOMAIN\\qvservice'\tcd1bfd3e-391e-47c4-9cf9-a7398c267057";
const TIMEOUT_ROW =
  '788\t20190201T052901.791+0100\tINFO\tQlikServer1\tAudit.Proxy.Proxy.SessionEstablishment.Session.MetaSession\t7\t09b22d2e-19bb-4ef9-97ac-13f798c81ac9\tDOMAIN\\qvservice\tSession ea16b266-4dba-4468-bcc2-fe78dc120799 has been deleted due to inactivity\tea16b266-4dba-4468-bcc2-fe78dc120799\t\tDOMAIN\tqvservice\t\t\t\t\t\tfb50ea32623e9627126d553fe81300aad2587730';
const GOT_SESSION_ROW =
  "973\t20190201T080842.307+0100\tINFO\tQlikServer1\tAudit.Proxy.Proxy.SessionEstablishment.Authentication.AbstractAuthenticationHandler\t20\tcb50e65c-a43a-42be-9382-c7b457a12fd1\tDOMAIN\\qvservice\tUser 'administrator' used 'ticket' authentication, got session: '8d7541cb-4205-4e57-b6ea-668edc0b5704'\t8d7541cb-4205-4e57-b6ea-668edc0b5704\t056cba0a-e9d1-4e00-8ace-f8f1ea5090d9\tDOMAIN\tadministrator\tCxqOjSXYBPeh8Hlg\t::ffff:172.16.16.100\t\tqlikserver1.domain.local:4244\t{}\t3c127165ffcf7ba86038525811cf9db32d9c4592";
const NO_ACCESS_TYPE_ROW =
  '161\t20190201T045901.678+0100\tINFO\tQlikServer1\tLicense.Repository.Repository.Core.Resource.RequestAccessTypeResource\t54\t75749e61-bdd0-444d-9c7b-81a0adfa0f3e\tDOMAIN\\qvservice\tNo available access type, SessionID: ea16b266-4dba-4468-bcc2-fe78dc120799, Hostname: "::1"\tea16b266-4dba-4468-bcc2-fe78dc120799\t\t\tUsageDenied\tDOMAIN\\qvservice\t56b9d8aa-d3b4-4124-b00b-3f9210f27a38\t4b8a14459aa1ce7d2954fc2f166f1ce9ae41c3b3';
const KB_DENIED =
  "Access was denied for User: 'Domain\\USER', with AccessID '264ff070-6306-4f1b-85db-21a8468939b5', SessionID: 'e3cd957b-a501-4bec-a3f8-d35170a73efa', SessionCount: '5', Hostname: '::1', OperationType: 'UsageDenied'";

const AT_0459 = Date.UTC(2019, 1, 1, 3, 59, 1, 524);

function parse(line: string): { outcome: ReturnType<typeof parseLogLine>; events: LogEvent[] } {
  const events: LogEvent[] = [];
  const outcome = parseLogLine(line, newLineContext(), (event) => events.push(event));
  return { outcome, events: events.filter((event) => event.kind !== 'service-user') };
}

const spaced = (row: string) => row.replaceAll('\t', '   ');
const slack = (row: string) =>
  `\`\`\`${row.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')}\`\`\``;

describe('parseLogLine', () => {
  it.for([
    { shape: 'full row', line: START_ROW },
    { shape: 'row with BOM and CRLF', line: `\uFEFF${START_ROW}\r` },
    { shape: 'TABs as spaces', line: spaced(START_ROW) },
    { shape: 'Slack-escaped in a fence', line: slack(spaced(START_ROW)) },
    { shape: 'Slack quote', line: `&gt; ${spaced(START_ROW)}` },
  ])('reads Start session from a $shape', ({ line }) => {
    expect(parse(line)).toEqual({
      outcome: 'AuditActivity_Proxy',
      events: [
        {
          kind: 'session-opened',
          at: AT_0459,
          user: 'DOMAIN\\qvservice',
          sessionId: 'ea16b266-4dba-4468-bcc2-fe78dc120799',
          via: 'start',
          client: null,
          context: null,
          node: 'QlikServer1',
        },
      ],
    });
  });

  it.for([
    { shape: 'full row', line: LOGIN_ROW },
    { shape: 'TABs as spaces', line: spaced(LOGIN_ROW) },
  ])('reads Login with client and context from a $shape', ({ line }) => {
    expect(parse(line).events).toEqual([
      {
        kind: 'session-opened',
        at: AT_0459,
        user: 'DOMAIN\\qvservice',
        sessionId: 'ea16b266-4dba-4468-bcc2-fe78dc120799',
        via: 'login',
        client: '::1',
        context: '/qrs/license/useraccesstype/full?xrfkey=0000000000000000',
        node: 'QlikServer1',
      },
    ]);
  });

  it.for([
    { shape: 'full row', line: DENIED_NO_LICENSE_ROW },
    { shape: 'TABs as spaces', line: spaced(DENIED_NO_LICENSE_ROW) },
    { shape: 'Slack paste', line: slack(spaced(DENIED_NO_LICENSE_ROW)) },
  ])('reads a denial for lack of an access pass, with its user from the columns, from a $shape', ({ line }) => {
    expect(parse(line).events).toEqual([
      {
        kind: 'license-denied',
        at: Date.UTC(2019, 1, 1, 7, 8, 42, 467),
        user: 'DOMAIN\\administrator',
        sessionId: '8d7541cb-4205-4e57-b6ea-668edc0b5704',
        sessionCount: null,
        client: '::ffff:172.16.16.100',
        reason: 'no-access-pass',
      },
    ]);
  });

  it.for([
    { shape: 'full row', line: TIMEOUT_ROW },
    { shape: 'TABs as spaces', line: spaced(TIMEOUT_ROW) },
    { shape: 'Slack quote', line: `&gt; ${spaced(TIMEOUT_ROW)}` },
  ])('reads a timeout with the active user from a $shape', ({ line }) => {
    expect(parse(line)).toEqual({
      outcome: 'Audit_Proxy',
      events: [
        {
          kind: 'session-closed',
          at: Date.UTC(2019, 1, 1, 4, 29, 1, 791),
          user: 'DOMAIN\\qvservice',
          sessionId: 'ea16b266-4dba-4468-bcc2-fe78dc120799',
          via: 'timeout',
        },
      ],
    });
  });

  it.for([
    { shape: 'full row', line: GOT_SESSION_ROW, client: '::ffff:172.16.16.100' },
    { shape: 'TABs as spaces', line: spaced(GOT_SESSION_ROW), client: null },
  ])('reads got session with the directory from the columns from a $shape', ({ line, client }) => {
    expect(parse(line).events).toEqual([
      {
        kind: 'session-opened',
        at: Date.UTC(2019, 1, 1, 7, 8, 42, 307),
        user: 'DOMAIN\\administrator',
        sessionId: '8d7541cb-4205-4e57-b6ea-668edc0b5704',
        via: 'got-session',
        client,
        context: null,
        node: 'QlikServer1',
      },
    ]);
  });

  it.for([
    { shape: 'full row', line: NO_ACCESS_TYPE_ROW },
    { shape: 'TABs as spaces', line: spaced(NO_ACCESS_TYPE_ROW) },
  ])('reads License_Repository "No available access type" with UserName from a $shape', ({ line }) => {
    expect(parse(line)).toMatchObject({
      outcome: 'License_Repository',
      events: [{ kind: 'license-denied', user: 'DOMAIN\\qvservice', reason: 'no-access-pass', client: '::1' }],
    });
  });

  it.for([
    { shape: 'Message column alone', line: KB_DENIED },
    { shape: 'quoted in a Slack fence', line: `see this: \`\`\`${KB_DENIED}\`\`\` weird` },
  ])('reads the too-many-sessions denial from the $shape', ({ line }) => {
    expect(parse(line).events).toEqual([
      {
        kind: 'license-denied',
        at: Number.NaN,
        user: 'Domain\\USER',
        sessionId: 'e3cd957b-a501-4bec-a3f8-d35170a73efa',
        sessionCount: 5,
        client: '::1',
        reason: 'limit',
      },
    ]);
  });

  it.for([
    {
      message: "Stop session for user 'CORP\\a' . Session id = 's1' and all dependents will be deleted.",
      kind: 'session-closed',
    },
    { message: 'Session s1 has been deleted due to inactivity', kind: 'session-closed' },
    { message: "Session 's1' is invalid (possibly timed out or logged out)", kind: 'session-invalid' },
    {
      message:
        "Professional access granted for User: 'CORP\\a' with UsageID: 'u', SessionID: 's1', SessionCount: '2', Hostname: '::1', OperationType: 'UsageGranted'",
      kind: 'license-granted',
    },
    {
      message: "User access, User: 'CORP\\a', LicenseProfessionalAccessTypeId: 'x', Added by: 'CORP\\admin'",
      kind: 'license-allocated',
    },
  ])('reads the Message column alone: $kind', ({ message, kind }) => {
    expect(parse(message).events.map((event) => event.kind)).toEqual([kind]);
  });

  it('remembers the header and tells the AuditSecurity layouts apart by the Service column', () => {
    const context = newLineContext();
    const header =
      'Sequence#\tProductVersion\tTimestamp\tHostname\tId\tDescription\tProxySessionId\tProxyPackageId\tRequestSequenceId\tUserDirectory\tUserId\tObjectId\tObjectName\tSecurityClass\tClientHostAddress\tService\tOrigin\tContext\tCommand\tResult\tMessage\tChecksum';
    expect(parseLogLine(`\uFEFF${header}\r`, context, () => undefined)).toBe('header');
    expect(parseLogLine(LOGIN_ROW, context, () => undefined)).toBe('AuditSecurity_Proxy');
    expect(parseLogLine(DENIED_NO_LICENSE_ROW, context, () => undefined)).toBe('AuditSecurity_Repository');
  });

  it.for([
    'You cannot access Qlik Sense because you have too many sessions active in parallel',
    'we saw UsageDenied in the log for the session of jdoe',
    '',
    '```',
    '20190201T045901.475+0100 something happened',
  ])('recognises nothing in %j', (line) => {
    expect(parse(line)).toEqual({ outcome: null, events: [] });
  });
});

describe('parseLogLine timestamps, read in place in the row', () => {
  const timed = (timestamp: string) => {
    const row = TIMEOUT_ROW.replace('20190201T052901.791+0100', timestamp);
    return parse(row).events.map((event) => ('at' in event ? event.at : Number.NaN));
  };

  it.for([
    { timestamp: '20190201T052901.791+0100', at: Date.UTC(2019, 1, 1, 4, 29, 1, 791) },
    { timestamp: '20190201T052901.791+01:00', at: Date.UTC(2019, 1, 1, 4, 29, 1, 791) },
    { timestamp: '20190201T052901.791Z', at: Date.UTC(2019, 1, 1, 5, 29, 1, 791) },
    { timestamp: '20190201T052901.791-0230', at: Date.UTC(2019, 1, 1, 7, 59, 1, 791) },
  ])('reads $timestamp', ({ timestamp, at }) => {
    expect(timed(timestamp)).toEqual([at]);
  });

  it.for(['20190201T052901.79', '20190201T052901.791+01', '20190201T052901.791+010', '', 'not a time at all, long'])(
    'gives no instant for the cut or foreign timestamp %j, whatever the columns after it hold',
    (timestamp) => {
      expect(timed(timestamp)).toEqual([Number.NaN]);
    },
  );
});
