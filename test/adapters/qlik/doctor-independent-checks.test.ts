import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLiveQlik } from '../../../src/adapters/qlik/index.js';
import type { DoctorReport, LiveResult } from '../../../src/core/live/index.js';
import { doctorReply } from '../../../src/bot/doctor-reply.js';
import { renderDoctorText } from '../../../src/cli/render-live-report-text.js';
import {
  createTestCertificates,
  startFakeQlikSite,
  type FakeQlikSite,
  type RepositoryState,
  type TestCertificates,
} from '../../support/fake-qlik-servers.js';

function valueOf(result: LiveResult<DoctorReport>): DoctorReport {
  if (!result.ok) throw new Error(`expected an answer, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

const REPOSITORY: RepositoryState = {
  virtualProxies: [''],
  allocations: {
    professional: [
      { id: 'prof-qvservice', userDirectory: 'DOMAIN', userId: 'qvservice' },
      { id: 'prof-mweber', userDirectory: 'CORP', userId: 'mweber' },
    ],
  },
  users: [
    { userDirectory: 'DOMAIN', userId: 'qvservice', roles: ['RootAdmin'] },
    { userDirectory: 'DOMAIN', userId: 'admin2', roles: ['RootAdmin', 'AuditAdmin'] },
    { userDirectory: 'CORP', userId: 'mweber', roles: [] },
  ],
};

describe('doctor: each check on its own', () => {
  let certificates: TestCertificates;
  let site: FakeQlikSite | undefined;
  beforeAll(() => {
    certificates = createTestCertificates();
  });
  afterEach(async () => {
    await site?.close();
    site = undefined;
  });
  afterAll(() => certificates.remove());

  it('still checks the service account when the licence overview answers something unexpected', async () => {
    site = await startFakeQlikSite({ certificates, sessions: [{ '': [] }], repository: REPOSITORY });
    site.repository.override = (request) =>
      request.path === '/qrs/license/accesstypeoverview'
        ? { status: 200, body: '["not", "an", "overview"]' }
        : undefined;
    const report = valueOf(
      await createLiveQlik(site.config({ serviceAccounts: ['DOMAIN\\qvservice'], virtualProxies: [''] })).doctor(),
    );
    expect(report.findings).toContainEqual(
      expect.objectContaining({ code: 'licence-overview-unreadable', severity: 'warning' }),
    );
    expect(report.findings).toContainEqual(
      expect.objectContaining({ code: 'service-account-licensed', severity: 'problem', user: 'DOMAIN\\qvservice' }),
    );
    expect(report.findings.map((finding) => finding.code)).not.toContain('repository-unreachable');
  });

  it('without QLIK_SERVICE_ACCOUNTS lists the licensed RootAdmins as candidates and says the main check needs the setting', async () => {
    site = await startFakeQlikSite({ certificates, sessions: [{ '': [] }], repository: REPOSITORY });
    const report = valueOf(await createLiveQlik(site.config({ virtualProxies: [''] })).doctor());
    const finding = report.findings.find((candidate) => candidate.code === 'no-service-accounts');
    expect(finding?.severity).toBe('warning');
    expect(finding?.detail).toContain('needs QLIK_SERVICE_ACCOUNTS');
    expect(finding?.detail).toContain('DOMAIN\\qvservice (professional)');
    expect(finding?.detail).not.toContain('admin2');
    expect(finding?.detail).not.toContain('mweber');
    const text = renderDoctorText(report);
    expect(text).not.toContain('no known cause');
    expect(text).toContain('The main check (a licensed service account) needs QLIK_SERVICE_ACCOUNTS');
    expect(doctorReply(report).headline).toContain('needs QLIK_SERVICE_ACCOUNTS');
  });

  it('says so when no RootAdmin holds a licence, and when the RootAdmins cannot be listed', async () => {
    site = await startFakeQlikSite({
      certificates,
      sessions: [{ '': [] }],
      repository: { ...REPOSITORY, allocations: {} },
    });
    const none = valueOf(await createLiveQlik(site.config({ virtualProxies: [''] })).doctor());
    expect(none.findings.find((finding) => finding.code === 'no-service-accounts')?.detail).toContain(
      'None of the 2 RootAdmins holds a licence',
    );
    site.repository.override = (request) => (request.path === '/qrs/user/full' ? { status: 403, body: '' } : undefined);
    const refused = valueOf(await createLiveQlik(site.config({ virtualProxies: [''] })).doctor());
    expect(refused.findings.find((finding) => finding.code === 'no-service-accounts')?.detail).toContain(
      'The RootAdmins could not be listed',
    );
  });
});
