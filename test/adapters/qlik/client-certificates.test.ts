import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadClientCertificates } from '../../../src/adapters/qlik/client-certificates.js';
import { createLiveQlik, type TextFileReader } from '../../../src/adapters/qlik/index.js';
import { createTestCertificates, type TestCertificates } from '../../support/fake-qlik-servers.js';
import { readFile } from 'node:fs/promises';

let certificates: TestCertificates;

beforeAll(() => {
  certificates = createTestCertificates();
});

afterAll(() => {
  certificates.remove();
});

function readerOf(files: Record<string, string>): TextFileReader {
  return async (path) => {
    const text = files[path];
    if (text === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
    return text;
  };
}

describe('loadClientCertificates', () => {
  it('reads the three files the QMC exports', async () => {
    const result = await loadClientCertificates(certificates.clientDir);
    expect(result.ok && result.value.certPath).toBe(join(certificates.clientDir, 'client.pem'));
  });

  it('names only the files that are missing', async () => {
    const cert = await readFile(join(certificates.clientDir, 'client.pem'), 'utf8');
    const result = await loadClientCertificates('/certs', readerOf({ '/certs/client.pem': cert }));
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'certificates-missing',
        message: expect.stringContaining('/certs/client_key.pem, /certs/root.pem.'),
      },
    });
  });

  it('says which file is not PEM', async () => {
    const read = (name: string) => readFile(join(certificates.clientDir, name), 'utf8');
    const files = {
      '/certs/client.pem': await read('client.pem'),
      '/certs/client_key.pem': 'not a key',
      '/certs/root.pem': await read('root.pem'),
    };
    const result = await loadClientCertificates('/certs', readerOf(files));
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'certificate-invalid',
        message: expect.stringContaining('/certs/client_key.pem is not a PEM private key'),
      },
    });
  });
});

describe('createLiveQlik certificate loading', () => {
  it('picks up certificates copied in after a failed attempt', async () => {
    const files: Record<string, string> = {};
    const config = {
      serviceAccounts: [],
      kbDir: undefined,
      proxyUrls: [],
      repositoryUrl: undefined,
      virtualProxies: undefined,
      certDir: '/certs',
      apiUser: { directory: 'INTERNAL', id: 'sa_api' },
      tlsInsecure: false,
      timeoutMs: 1000,
    };
    const live = createLiveQlik(config, { readFile: readerOf(files) });
    const first = await live.doctor();
    expect(first.ok || first.error.code).toBe('certificates-missing');

    for (const name of ['client.pem', 'client_key.pem', 'root.pem'])
      files[`/certs/${name}`] = await readFile(join(certificates.clientDir, name), 'utf8');
    const second = await live.doctor();
    expect(second.ok && second.value.findings.map((finding) => finding.code)).toEqual([
      'certificate-valid',
      'repository-not-configured',
      'proxies-not-configured',
    ]);
  });
});
