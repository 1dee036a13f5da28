import { describe, expect, it } from 'vitest';
import {
  doctorFindings,
  type DoctorObservations,
  type DoctorReport,
  type LiveResult,
} from '../../../src/core/live/index.js';

const NOW = new Date('2026-06-01T00:00:00Z');
const CERTIFICATE = {
  path: '/certs/client.pem',
  validFrom: new Date('2026-01-01T00:00:00Z'),
  validTo: new Date('2027-01-01T00:00:00Z'),
};
const REFUSED = {
  ok: false as const,
  error: { code: 'connection-refused', message: 'https://qs1:4242 refused the connection.' },
};
const FORBIDDEN = {
  ok: false as const,
  error: { code: 'forbidden', message: 'https://qs1:4242 answered 403 Forbidden.' },
};
const ANSWERED = { ok: true as const, value: null };

function site(overrides: Partial<DoctorObservations> = {}): DoctorObservations {
  return { now: NOW, certificate: CERTIFICATE, tlsInsecure: false, ...overrides };
}

function findingsOf(result: LiveResult<DoctorReport>) {
  if (!result.ok) throw new Error(result.error.message);
  return result.value.findings;
}

const codes = (result: LiveResult<DoctorReport>) => findingsOf(result).map((finding) => finding.code);

describe('doctorFindings', () => {
  it('says what is not configured, and checks the certificate and TLS setting whatever else is', () => {
    expect(codes(doctorFindings(site()))).toEqual([
      'certificate-valid',
      'repository-not-configured',
      'proxies-not-configured',
    ]);
    expect(codes(doctorFindings(site({ tlsInsecure: true })))[1]).toBe('tls-insecure');
  });

  it.for([
    { name: 'expired', validTo: '2026-05-31T00:00:00Z', code: 'certificate-expired', severity: 'problem' },
    {
      name: 'expiring within 30 days',
      validTo: '2026-06-20T00:00:00Z',
      code: 'certificate-expiring',
      severity: 'warning',
    },
    { name: 'valid', validTo: '2026-08-01T00:00:00Z', code: 'certificate-valid', severity: 'info' },
  ])('rates a certificate $name', ({ validTo, code, severity }) => {
    const [finding] = findingsOf(doctorFindings(site({ certificate: { ...CERTIFICATE, validTo: new Date(validTo) } })));
    expect(finding).toMatchObject({ code, severity, user: null });
    expect(finding?.detail).toContain('/certs/client.pem');
  });

  it('names a licensed service account as a problem and an unlicensed one as information', () => {
    const result = doctorFindings(
      site({
        repository: {
          overview: { ok: true, value: {} },
          serviceAccounts: [
            {
              account: 'DOMAIN\\qvservice',
              allocations: {
                ok: true,
                value: [
                  { type: 'professional', id: 'p1' },
                  { type: 'professional', id: 'p2' },
                ],
              },
            },
            { account: 'DOMAIN\\other', allocations: { ok: true, value: [] } },
          ],
        },
      }),
    );
    const findings = findingsOf(result);
    expect(findings).toContainEqual(
      expect.objectContaining({ code: 'service-account-licensed', severity: 'problem', user: 'DOMAIN\\qvservice' }),
    );
    expect(findings.find((finding) => finding.code === 'service-account-licensed')?.detail).toContain('(professional)');
    expect(findings).toContainEqual(
      expect.objectContaining({ code: 'service-account-unlicensed', severity: 'info', user: 'DOMAIN\\other' }),
    );
  });

  it('warns when an access pass kind is used up, and not for disabled or unknown kinds', () => {
    const result = doctorFindings(
      site({
        repository: {
          overview: {
            ok: true,
            value: {
              professional: { total: 10, available: 0 },
              analyzer: { enabled: false, total: 5, available: 0 },
              user: null,
              login: { total: 0, available: 0 },
            },
          },
          serviceAccounts: [],
          rootAdmins: { ok: true, value: { admins: 2, licensed: [] } },
        },
      }),
    );
    const passes = findingsOf(result).filter((finding) => finding.code === 'no-access-passes-left');
    expect(passes.map((finding) => finding.detail)).toEqual([
      expect.stringContaining('All 10 professional access passes are allocated'),
    ]);
    expect(findingsOf(result).find((finding) => finding.code === 'no-service-accounts')?.detail).toContain(
      'None of the 2 RootAdmins holds a licence',
    );
  });

  it('checks the service accounts despite an unreadable overview, and tells refused from unreached', () => {
    const findings = findingsOf(
      doctorFindings(
        site({
          repository: {
            overview: { ok: false, error: { code: 'unexpected-response', message: 'odd JSON.' } },
            serviceAccounts: [
              { account: 'DOMAIN\\a', allocations: FORBIDDEN },
              { account: 'DOMAIN\\b', allocations: { ok: true, value: [] } },
            ],
          },
        }),
      ),
    );
    expect(findings.map((finding) => [finding.code, finding.severity])).toEqual([
      ['certificate-valid', 'info'],
      ['licence-overview-unreadable', 'warning'],
      ['service-account-unchecked', 'warning'],
      ['service-account-unlicensed', 'info'],
      ['proxies-not-configured', 'info'],
    ]);
  });

  it('names each proxy node that did not answer, and says all answered when they did', () => {
    const proxies = (second: typeof ANSWERED | typeof REFUSED) => ({
      nodes: 2,
      prefixes: [''],
      virtualProxies: { ok: true as const, value: { discovered: false } },
      probes: [
        { proxy: 'https://qs1:4243', virtualProxy: '', answer: ANSWERED },
        { proxy: 'https://qs2:4243', virtualProxy: '', answer: second },
      ],
    });
    const down = findingsOf(doctorFindings(site({ proxies: proxies(REFUSED) })));
    expect(down.find((finding) => finding.code === 'proxy-unreachable')?.detail).toMatch(
      /^Proxy node https:\/\/qs2:4243, default virtual proxy: /,
    );
    expect(down.map((finding) => finding.code)).not.toContain('proxies-answer');
    const up = findingsOf(doctorFindings(site({ proxies: proxies(ANSWERED) })));
    expect(up.find((finding) => finding.code === 'proxies-answer')?.detail).toBe(
      'All 2 proxy nodes answered for 1 virtual proxy.',
    );
  });

  it('counts a 404 for a discovered prefix as answered; the default proxy when prefixes are unknown', () => {
    const notFound = { ok: false as const, error: { code: 'not-found', message: '404' } };
    const discovered = doctorFindings(
      site({
        proxies: {
          nodes: 1,
          prefixes: ['', 'sales'],
          virtualProxies: { ok: true, value: { discovered: true } },
          probes: [
            { proxy: 'https://qs1:4243', virtualProxy: '', answer: ANSWERED },
            { proxy: 'https://qs1:4243', virtualProxy: 'sales', answer: notFound },
          ],
        },
      }),
    );
    expect(codes(discovered)).toContain('proxies-answer');
    const unknown = doctorFindings(
      site({
        proxies: {
          nodes: 1,
          prefixes: [''],
          virtualProxies: { ok: false, error: { code: 'forbidden', message: 'Cannot discover the virtual proxies.' } },
          probes: [{ proxy: 'https://qs1:4243', virtualProxy: '', answer: ANSWERED }],
        },
      }),
    );
    expect(findingsOf(unknown)).toContainEqual(
      expect.objectContaining({
        code: 'virtual-proxies-unknown',
        severity: 'warning',
        detail: 'Cannot discover the virtual proxies. Only the default proxy was checked.',
      }),
    );
  });

  it('fails with every problem listed when no configured service was reached, but not when one refused', () => {
    const unreached = doctorFindings(
      site({
        repository: { overview: REFUSED, serviceAccounts: [{ account: 'DOMAIN\\qvservice', allocations: REFUSED }] },
        proxies: {
          nodes: 1,
          prefixes: [''],
          virtualProxies: { ok: true, value: { discovered: false } },
          probes: [{ proxy: 'https://qs1:4243', virtualProxy: '', answer: REFUSED }],
        },
      }),
    );
    expect(unreached.ok).toBe(false);
    if (!unreached.ok) {
      expect(unreached.error.code).toBe('nothing-answered');
      expect(unreached.error.message.split('\n')).toHaveLength(4);
    }
    const refused = doctorFindings(
      site({ repository: { overview: FORBIDDEN, serviceAccounts: [], rootAdmins: FORBIDDEN } }),
    );
    expect(refused.ok).toBe(true);
  });
});
