import { X509Certificate, createPrivateKey } from 'node:crypto';
import { readFile as readFileFromDisk } from 'node:fs/promises';
import { join } from 'node:path';
import type { CertificateValidity, LiveFailure } from '../../core/live/index.js';

/** The PEM files the QMC exports ("Certificates" > Export, platform-independent PEM format). */
export interface ClientCertificates {
  readonly cert: string;
  readonly key: string;
  readonly ca: string;
  readonly certPath: string;
  /** client.pem's path and validity, for doctor and App Home. */
  readonly validity: CertificateValidity;
}

export type CertificatesResult =
  { readonly ok: true; readonly value: ClientCertificates } | { readonly ok: false; readonly error: LiveFailure };

export type TextFileReader = (path: string) => Promise<string>;

export const CERTIFICATE_FILES = ['client.pem', 'client_key.pem', 'root.pem'] as const;

const EXPORT_HOW_TO =
  'Export them in the QMC: Certificates > Add machine name > "Include secret key" > file format "Platform independent PEM-format" > Export certificates; ' +
  'the files land in C:\\ProgramData\\Qlik\\Sense\\Repository\\Exported Certificates\\<machine name> on the central node. Copy them into QLIK_CERT_DIR.';

const readUtf8: TextFileReader = (path) => readFileFromDisk(path, 'utf8');

/** Reads and checks client.pem, client_key.pem and root.pem from the certificate folder. */
export async function loadClientCertificates(
  certDir: string,
  readFile: TextFileReader = readUtf8,
): Promise<CertificatesResult> {
  const texts: string[] = [];
  const missing: string[] = [];
  for (const name of CERTIFICATE_FILES) {
    const path = join(certDir, name);
    try {
      texts.push(await readFile(path));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      missing.push(code === 'ENOENT' ? path : `${path} (${code ?? 'unreadable'})`);
    }
  }
  if (missing.length > 0) {
    return {
      ok: false,
      error: {
        code: 'certificates-missing',
        message: `Cannot read the Qlik client certificate files: ${missing.join(', ')}. ${EXPORT_HOW_TO}`,
      },
    };
  }
  const [cert = '', key = '', ca = ''] = texts;
  const invalid = invalidPem(certDir, cert, key, ca);
  if (invalid !== undefined)
    return { ok: false, error: { code: 'certificate-invalid', message: `${invalid} ${EXPORT_HOW_TO}` } };
  const parsed = new X509Certificate(cert);
  const certPath = join(certDir, 'client.pem');
  const validity = { path: certPath, validFrom: new Date(parsed.validFrom), validTo: new Date(parsed.validTo) };
  return { ok: true, value: { cert, key, ca, certPath, validity } };
}

function invalidPem(certDir: string, cert: string, key: string, ca: string): string | undefined {
  const checks: readonly [string, () => unknown][] = [
    ['client.pem', () => new X509Certificate(cert)],
    ['client_key.pem', () => createPrivateKey(key)],
    ['root.pem', () => new X509Certificate(ca)],
  ];
  for (const [name, check] of checks) {
    try {
      check();
    } catch {
      return `${join(certDir, name)} is not a PEM ${name === 'client_key.pem' ? 'private key without a password' : 'certificate'}.`;
    }
  }
  return undefined;
}
