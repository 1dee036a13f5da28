import { X509Certificate } from 'node:crypto';
import type { DoctorFinding } from '../../bot/index.js';

const DAY_MS = 24 * 60 * 60 * 1000;
export const EXPIRY_WARNING_DAYS = 30;

/** Doctor findings about the client certificate's validity: a problem when expired, a warning within 30 days. */
export function checkCertificateExpiry(pem: string, path: string, now: Date): DoctorFinding {
  const certificate = new X509Certificate(pem);
  const validTo = new Date(certificate.validTo);
  const validFrom = new Date(certificate.validFrom);
  const until = validTo.toISOString();
  const daysLeft = Math.floor((validTo.getTime() - now.getTime()) / DAY_MS);
  const renew = "Export the certificates again from the QMC (Certificates) into QLIK_CERT_DIR; if the site's own certificates run out, renew them as Qlik's certificate help describes.";
  if (validTo.getTime() <= now.getTime()) {
    return { code: 'certificate-expired', severity: 'problem', user: null, detail: `The client certificate ${path} expired on ${until}. ${renew}` };
  }
  if (validFrom.getTime() > now.getTime()) {
    return {
      code: 'certificate-not-yet-valid',
      severity: 'problem',
      user: null,
      detail: `The client certificate ${path} is valid only from ${validFrom.toISOString()}. Check this machine's clock.`,
    };
  }
  if (daysLeft < EXPIRY_WARNING_DAYS) {
    return {
      code: 'certificate-expiring',
      severity: 'warning',
      user: null,
      detail: `The client certificate ${path} expires in ${daysLeft} day${daysLeft === 1 ? '' : 's'} (${until}). ${renew}`,
    };
  }
  return { code: 'certificate-valid', severity: 'info', user: null, detail: `The client certificate ${path} is valid until ${until} (${daysLeft} days).` };
}
