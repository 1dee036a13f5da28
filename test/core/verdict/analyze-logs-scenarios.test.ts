import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeLogs, VERDICT_CODES, type VerdictCode } from '../../../src/core/verdict/index.js';
import { FINDING_CODES, type FindingCode } from '../../../src/core/verdict/analysis-report.js';
import { fileInputs, scenario, textInput } from '../../support/log-inputs.js';

interface Case {
  readonly path: string;
  readonly verdict: VerdictCode;
  readonly user: string | null;
  readonly at: string | null;
  readonly findings: readonly FindingCode[];
}

const CASES: readonly Case[] = [
  {
    path: 'service-account-licensed-log-collector',
    verdict: 'service-account-licensed',
    user: 'DOMAIN\\qvservice',
    at: '2024-03-12T08:59:01.100Z',
    findings: ['service-account-licensed', 'limit-reached'],
  },
  {
    path: 'limit-reached-header-bom-crlf_AuditSecurity_Repository.txt',
    verdict: 'limit-reached',
    user: 'CORP\\mweber',
    at: '2024-03-12T08:08:47.120Z',
    findings: ['limit-reached', 'many-clients'],
  },
  {
    path: 'no-license-archived-name_AuditSecurity_Repository_2024-03-12T08.00.00Z.log',
    verdict: 'no-license',
    user: 'CORP\\jdoe',
    at: '2024-03-12T07:15:00.250Z',
    findings: ['no-license'],
  },
  {
    path: 'invalid-cookie-burst-headerless_Audit_Proxy.txt',
    verdict: 'invalid-cookie-burst',
    user: 'CORP\\kim',
    at: '2024-03-12T10:00:00.000Z',
    findings: ['invalid-cookie-burst', 'near-limit'],
  },
  {
    path: 'near-limit-tabs-as-spaces_AuditActivity_Proxy.txt',
    verdict: 'near-limit',
    user: 'CORP\\anna',
    at: '2024-03-12T08:00:30.000Z',
    findings: ['near-limit'],
  },
  {
    path: 'within-limit_AuditActivity_Proxy.txt',
    verdict: 'within-limit',
    user: 'CORP\\lee',
    at: '2024-03-12T07:10:00.000Z',
    findings: [],
  },
  { path: 'no-qlik-lines-iis-log.txt', verdict: 'no-qlik-lines', user: null, at: null, findings: [] },
  {
    path: 'automation-sessions_AuditSecurity_Proxy.txt',
    verdict: 'near-limit',
    user: 'CORP\\svc_report',
    at: '2024-03-12T11:00:25.000Z',
    findings: ['near-limit', 'automation-sessions'],
  },
  {
    path: 'many-clients_Audit_Proxy.txt',
    verdict: 'within-limit',
    user: 'CORP\\anna',
    at: '2024-03-12T08:20:00.000Z',
    findings: ['many-clients'],
  },
  {
    path: 'sessions-before-excerpt_AuditActivity_Proxy.txt',
    verdict: 'within-limit',
    user: 'CORP\\omar',
    at: '2024-03-12T13:00:00.000Z',
    findings: ['sessions-before-excerpt'],
  },
  {
    path: 'slack-message-escaped-fenced.txt',
    verdict: 'limit-reached',
    user: 'CORP\\r&d_lead',
    at: '2024-03-12T08:05:00.000Z',
    findings: ['limit-reached', 'sessions-before-excerpt'],
  },
  {
    path: 'message-column-alone.txt',
    verdict: 'limit-reached',
    user: 'CORP\\jdoe',
    at: null,
    findings: ['limit-reached', 'sessions-before-excerpt'],
  },
  {
    path: 'two-nodes-time-zones',
    verdict: 'near-limit',
    user: 'CORP\\anna',
    at: '2024-03-12T08:03:00.000Z',
    findings: ['near-limit'],
  },
  { path: 'engine-sessions-only_Session_Engine.txt', verdict: 'no-qlik-lines', user: null, at: null, findings: [] },
  {
    path: 'service-account-likely-local-qrs_AuditSecurity_Proxy.txt',
    verdict: 'within-limit',
    user: 'CORP\\qlikservice',
    at: '2024-03-12T04:59:06.000Z',
    findings: ['service-account-sessions'],
  },
];

describe('analyzeLogs on the scenario files', () => {
  it.for(CASES)('$path gives $verdict', async ({ path, verdict, user, at, findings }) => {
    const report = await analyzeLogs(fileInputs(scenario(path)));
    expect({ code: report.verdict.code, user: report.verdict.user, at: report.verdict.at }).toEqual({
      code: verdict,
      user,
      at,
    });
    expect(report.findings.map((finding) => finding.code).sort()).toEqual([...findings].sort());
  });

  it('has a scenario for every verdict code and every finding code', () => {
    const verdicts = new Set(CASES.map((testCase) => testCase.verdict));
    const findings = new Set(CASES.flatMap((testCase) => testCase.findings));
    expect(VERDICT_CODES.filter((code) => !verdicts.has(code))).toEqual([]);
    expect(FINDING_CODES.filter((code) => !findings.has(code) && !verdicts.has(code as VerdictCode))).toEqual([]);
  });

  it('has the header, BOM and CRLF in the file that shows them', () => {
    const bytes = readFileSync(scenario('limit-reached-header-bom-crlf_AuditSecurity_Repository.txt'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8', 3, 12)).toBe('Sequence#');
    expect(bytes.toString('utf8').split('\r\n').length).toBe(9);
  });

  it('merges two nodes on the instant, not on the printed time', async () => {
    const report = await analyzeLogs(fileInputs(scenario('two-nodes-time-zones')));
    // 09:00+0100 on QS1 and 03:02-0500 on QS2 are minutes apart; as printed text they would be six hours apart.
    expect(report.users).toEqual([
      expect.objectContaining({ user: 'CORP\\anna', sessionsStarted: 4, peak: 4, peakAt: '2024-03-12T08:03:00.000Z' }),
    ]);
    expect(report.input).toMatchObject({ from: '2024-03-12T08:00:00.000Z', to: '2024-03-12T08:31:00.000Z' });
  });

  it('reads a Log Collector folder: the service account from ServiceUser, the reload window from the scheduler', async () => {
    const report = await analyzeLogs(fileInputs(scenario('service-account-licensed-log-collector')));
    expect(report.users[0]).toMatchObject({
      user: 'DOMAIN\\qvservice',
      serviceAccount: true,
      licensed: true,
      peak: 6,
      limitDenials: 1,
      maxSessionCount: 5,
    });
    expect(report.verdict.entries).toEqual(['service-account-license', 'monitoring-app-reload']);
    expect(report.verdict.detail).toContain(
      "6 of its 6 sessions opened while 'Reload License Monitor' ran (TaskExecution_Scheduler).",
    );
    expect(report.input.formats).toEqual(['AuditSecurity_Repository', 'Audit_Proxy', 'TaskExecution_Scheduler']);
  });

  it('skips the chat text around a fenced Slack paste and unescapes &amp;', async () => {
    const report = await analyzeLogs(fileInputs(scenario('slack-message-escaped-fenced.txt')));
    expect(report.input).toMatchObject({ lines: 4, recognized: 2, skipped: 2 });
    expect(report.users.map((user) => user.user)).toEqual(['CORP\\r&d_lead']);
  });

  it('marks a service account as likely from local sessions calling /qrs/, and keeps it out of near-limit', async () => {
    const report = await analyzeLogs(fileInputs(scenario('service-account-likely-local-qrs_AuditSecurity_Proxy.txt')));
    expect(report.users[0]).toMatchObject({ serviceAccount: true, peak: 6 });
    expect(report.findings[0]?.detail).toContain('likely the Qlik service account');
  });

  it('takes the service account from --service-account even without any hint in the lines', async () => {
    const report = await analyzeLogs(fileInputs(scenario('near-limit-tabs-as-spaces_AuditActivity_Proxy.txt')), {
      serviceAccounts: ['CORP\\anna'],
    });
    expect(report.verdict.code).toBe('within-limit');
    expect(report.findings.map((finding) => finding.code)).toEqual(['service-account-sessions']);
  });
});

describe('analyzeLogs on bad input', () => {
  it('says nothing was recognised for empty input', async () => {
    const report = await analyzeLogs([textInput('')]);
    expect(report.verdict.code).toBe('no-qlik-lines');
    expect(report.input).toEqual({ lines: 0, recognized: 0, skipped: 0, formats: [], from: null, to: null });
  });

  it('says no inputs at all is nothing recognised', async () => {
    expect((await analyzeLogs([])).verdict.code).toBe('no-qlik-lines');
  });

  it('calls binary input binary and does not parse it', async () => {
    const bytes = new Uint8Array(64 * 1024).map((_, index) => (index * 7919) % 256);
    const report = await analyzeLogs([
      { name: 'qlik.zip', chunks: [bytes, new TextEncoder().encode("Start session for user: 'CORP\\anna'\n")] },
    ]);
    expect(report.verdict.code).toBe('no-qlik-lines');
    expect(report.verdict.detail).toContain('qlik.zip is binary');
    expect(report.users).toEqual([]);
  });

  it('survives one 8 MB line and still reads the line after it', async () => {
    const huge = new Uint8Array(8 * 1024 * 1024).fill(0x61);
    huge.set(new TextEncoder().encode("Start session for user: 'CORP\\x'"), 100);
    const chunks: Uint8Array[] = [];
    for (let offset = 0; offset < huge.length; offset += 65536) chunks.push(huge.subarray(offset, offset + 65536));
    chunks.push(
      new TextEncoder().encode(
        "\nAccess was denied for User: 'CORP\\y', with AccessID 'a', SessionID: 'b', SessionCount: '5', Hostname: '::1', OperationType: 'UsageDenied'\n",
      ),
    );
    const report = await analyzeLogs([{ name: 'huge.txt', chunks }]);
    expect(report.input.lines).toBe(2);
    expect(report.verdict).toMatchObject({ code: 'limit-reached', user: 'CORP\\y' });
  });

  it('survives an 8 MB line delivered as one chunk', async () => {
    const report = await analyzeLogs([textInput(`${'Session '.repeat(1024 * 1024)}\n`)]);
    expect(report.input).toMatchObject({ lines: 1, recognized: 0 });
  });

  it('never makes a session out of a browser line alone', async () => {
    const line =
      "504\t11.41.1.0\t20190201T082214.107+0100\tQlikServer1\t3afd36a0-75f8-46e8-954d-ab87ad500c68\tCommand=Open connection;Result=0;ResultText=Success\ta9e8cc34-7fde-477d-896c-f7c2a32ea34b\t1c6a89a2-1d04-467f-84d3-71c28adff12d\t0\tDOMAIN\tadministrator\t1a13fc0d-f928-48ee-8cc2-a18f7099d9e2\tNot available\tProxy\tAppAccess\t/app/1a13fc0d\tOpen connection\t0\tBackend web socket connection Opened for session 'a9e8cc34-7fde-477d-896c-f7c2a32ea34b'. App id: '1a13fc0d-f928-48ee-8cc2-a18f7099d9e2'. UserAgent: 'Mozilla/5.0 (Windows NT 6.3; Win64; x64)'\t3afd36a0-75f8-46e8-954d-ab87ad500c68";
    const report = await analyzeLogs([textInput(line)]);
    expect(report.users).toEqual([
      expect.objectContaining({ user: 'DOMAIN\\administrator', sessionsStarted: 0, peak: 0, clients: 1 }),
    ]);
  });

  it('keeps denials of different users apart when their rows carry ProxySessionId 0', async () => {
    const row = (user: string) =>
      `165\t11.41.1.0\t20190201T081941.966+0100\tQlikServer1\tcff14272\tCommand=Add app privileges;Result=403;ResultText=Error: Access Denied\t0\t5987cbb9\t0\tDOMAIN\t${user}\t43d05965\tNot available\tSecurity\t::ffff:172.16.16.100\tProxy\tAppAccess\t/app/43d05965\tAdd app privileges:ProcessRequestAccessResult\t403\tAccess to app '43d05965' denied, result code 'NoAvailableAccessType'\t078254ab`;
    const report = await analyzeLogs([textInput(`${row('anna')}\n${row('omar')}\n`)]);
    expect(report.users.map((user) => [user.user, user.denied])).toEqual([
      ['DOMAIN\\anna', 1],
      ['DOMAIN\\omar', 1],
    ]);
  });

  it('reads on after an engine log pasted before other logs in one message', async () => {
    const text = [
      'engine-sessions-only_Session_Engine.txt',
      'limit-reached-header-bom-crlf_AuditSecurity_Repository.txt',
    ]
      .map((name) => readFileSync(scenario(name), 'utf8'))
      .join('\n');
    const report = await analyzeLogs([textInput(text)]);
    expect(report.verdict).toMatchObject({ code: 'limit-reached', user: 'CORP\\mweber' });
    expect(report.input.formats).toEqual(['AuditSecurity_Repository', 'Session_Engine']);
  });
});
