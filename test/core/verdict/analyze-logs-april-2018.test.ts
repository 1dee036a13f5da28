import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeLogs, type AnalysisReport, type UserSummary } from '../../../src/core/verdict/index.js';
import { verdictReply } from '../../../src/bot/verdict-reply.js';
import { fileInputs, textInput } from '../../support/log-inputs.js';
import { APRIL_2018_LOG_DIR, hasSharedFixture } from '../../support/shared-fixtures.js';

function user(report: AnalysisReport, name: string): UserSummary | undefined {
  return report.users.find((candidate) => candidate.user === name);
}

describe.skipIf(!hasSharedFixture(APRIL_2018_LOG_DIR))(
  'analyzeLogs on the real April 2018 Log Collector output',
  () => {
    it('finds the service account, its 100 sessions, the peak of 10 and the administrator without a licence', async () => {
      const report = await analyzeLogs(fileInputs(APRIL_2018_LOG_DIR));
      expect(user(report, 'DOMAIN\\qvservice')).toEqual({
        user: 'DOMAIN\\qvservice',
        sessionsStarted: 100,
        peak: 10,
        peakAt: '2019-02-01T03:59:29.585Z',
        denied: 100,
        limitDenials: 0,
        maxSessionCount: null,
        licensed: false,
        serviceAccount: true,
        clients: 1,
      });
      expect(user(report, 'DOMAIN\\administrator')).toMatchObject({
        peak: 2,
        peakAt: '2019-02-01T07:21:12.192Z',
        licensed: true,
        serviceAccount: false,
      });
      expect(report.verdict).toMatchObject({
        code: 'no-license',
        user: 'DOMAIN\\administrator',
        at: '2019-02-01T07:08:42.467Z',
      });
      const serviceFinding = report.findings.find((finding) => finding.code === 'service-account-sessions');
      expect(serviceFinding).toMatchObject({ severity: 'info', user: 'DOMAIN\\qvservice' });
      expect(serviceFinding?.detail).toContain('Reload License Monitor');
      expect(serviceFinding?.detail).toContain('100 licence denials are expected');
      expect(
        report.findings.filter((finding) => finding.user === 'DOMAIN\\qvservice').map((finding) => finding.code),
      ).toEqual(['service-account-sessions']);
      expect(report.input).toMatchObject({ lines: 1447, from: '2019-02-01T03:58:56.006Z' });
      expect(report.input.formats).toEqual([
        'AuditActivity_Proxy',
        'AuditSecurity_Proxy',
        'AuditSecurity_Repository',
        'Audit_Proxy',
        'License_Repository',
        'Service_Proxy',
        'Session_Engine',
        'TaskExecution_Scheduler',
      ]);
    });

    // Each file alone, where it carries the information: sessions need starts and ends, the service account needs clients or ServiceUser.
    it.for([
      {
        file: 'Proxy/Audit/QLIKSERVER1_AuditActivity_Proxy.txt',
        sessions: 100,
        peak: 10,
        peakAt: '2019-02-01T03:59:29.585Z',
        serviceAccount: false,
        denied: 0,
      },
      {
        file: 'Proxy/Trace/QLIKSERVER1_Audit_Proxy.txt',
        sessions: 100,
        peak: 10,
        peakAt: '2019-02-01T03:59:29.585Z',
        serviceAccount: true,
        denied: 0,
      },
      {
        file: 'Proxy/Audit/QLIKSERVER1_AuditSecurity_Proxy.txt',
        sessions: 100,
        peak: 10,
        peakAt: '2019-02-01T03:59:29.600Z',
        serviceAccount: true,
        denied: 0,
      },
      {
        file: 'Repository/Audit/QLIKSERVER1_AuditSecurity_Repository.txt',
        sessions: 0,
        peak: 0,
        peakAt: null,
        serviceAccount: true,
        denied: 100,
      },
      {
        file: 'Repository/Trace/QLIKSERVER1_License_Repository.txt',
        sessions: 0,
        peak: 0,
        peakAt: null,
        serviceAccount: true,
        denied: 100,
      },
    ])('reads DOMAIN\\qvservice from $file alone', async ({ file, sessions, peak, peakAt, serviceAccount, denied }) => {
      const report = await analyzeLogs(fileInputs(join(APRIL_2018_LOG_DIR, file)));
      expect(user(report, 'DOMAIN\\qvservice')).toMatchObject({
        sessionsStarted: sessions,
        peak,
        peakAt,
        serviceAccount,
        denied,
      });
    });

    it("calls an excerpt with only the service account's expected denials within the limit, not 'nothing recognised'", async () => {
      const excerpt = readFileSync(
        join(APRIL_2018_LOG_DIR, 'Repository/Audit/QLIKSERVER1_AuditSecurity_Repository.txt'),
        'utf8',
      )
        .split('\n')
        .slice(0, 20)
        .join('\n');
      const report = await analyzeLogs([textInput(excerpt)]);
      expect(report.verdict).toMatchObject({ code: 'within-limit', user: 'DOMAIN\\qvservice' });
      expect(report.verdict.detail).toContain('expected for the service account');
      expect(verdictReply(report, () => undefined).headline).toMatch(
        /^Nobody was denied at the limit: the only denials are DOMAIN\\qvservice's \d+ licence requests/,
      );
    });

    it('explains the service account from the repository log alone without claiming it opened no sessions', async () => {
      const report = await analyzeLogs(
        fileInputs(join(APRIL_2018_LOG_DIR, 'Repository/Audit/QLIKSERVER1_AuditSecurity_Repository.txt')),
      );
      const detail = report.findings.find((finding) => finding.code === 'service-account-sessions')?.detail ?? '';
      expect(detail).toContain('add the proxy logs to count its sessions');
      expect(detail).not.toContain('opened 0');
    });

    it.for([
      'Repository/Audit/QLIKSERVER1_AuditSecurity_Repository.txt',
      'Repository/Trace/QLIKSERVER1_License_Repository.txt',
      'Proxy/Audit/QLIKSERVER1_AuditSecurity_Proxy.txt',
      'Proxy/Trace/QLIKSERVER1_Audit_Proxy.txt',
      'Proxy/System/QLIKSERVER1_Service_Proxy.txt',
    ])('headlines no-license for DOMAIN\\administrator from %s alone', async (file) => {
      const report = await analyzeLogs(fileInputs(join(APRIL_2018_LOG_DIR, file)));
      expect(report.verdict).toMatchObject({ code: 'no-license', user: 'DOMAIN\\administrator' });
    });

    it.for([
      'Proxy/Audit/QLIKSERVER1_AuditActivity_Proxy.txt',
      'Proxy/Trace/QLIKSERVER1_Audit_Proxy.txt',
      'Proxy/Audit/QLIKSERVER1_AuditSecurity_Proxy.txt',
    ])('peaks DOMAIN\\administrator at 2 from %s alone', async (file) => {
      const report = await analyzeLogs(fileInputs(join(APRIL_2018_LOG_DIR, file)));
      expect(user(report, 'DOMAIN\\administrator')?.peak).toBe(2);
    });

    it('counts no engine session as a proxy session', async () => {
      const report = await analyzeLogs(
        fileInputs(join(APRIL_2018_LOG_DIR, 'Engine/Trace/QLIKSERVER1_Session_Engine.txt')),
      );
      expect(report.verdict.code).toBe('no-qlik-lines');
      expect(report.users).toEqual([]);
      expect(report.input.formats).toEqual(['Session_Engine']);
      expect(report.verdict.detail).toContain('engine sessions');
    });

    it('gives the same result when the service account is also configured', async () => {
      const report = await analyzeLogs(fileInputs(APRIL_2018_LOG_DIR), { serviceAccounts: ['domain\\QVSERVICE'] });
      expect(user(report, 'DOMAIN\\qvservice')?.serviceAccount).toBe(true);
      expect(report.findings.find((finding) => finding.code === 'service-account-sessions')?.detail).toContain(
        'configured',
      );
    });
  },
);
