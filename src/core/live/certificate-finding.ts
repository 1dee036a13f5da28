import { plural } from '../text/index.js';
import type { CertificateValidity } from './doctor-observations.js';
import type { DoctorFinding } from './doctor-report.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const EXPIRY_WARNING_DAYS = 30;

const RENEW =
  'Export the certificates again from the QMC (Certificates) into QLIK_CERT_DIR; ' +
  "if the site's own certificates run out, renew them as Qlik's certificate help describes.";

/** The client certificate's validity as a doctor finding: a problem when expired, a warning within 30 days. */
export function certificateFinding(certificate: CertificateValidity, now: Date): DoctorFinding {
  const { path, validFrom, validTo } = certificate;
  const until = validTo.toISOString();
  const daysLeft = Math.floor((validTo.getTime() - now.getTime()) / DAY_MS);
  if (validTo.getTime() <= now.getTime()) {
    return {
      code: 'certificate-expired',
      severity: 'problem',
      user: null,
      detail: `The client certificate ${path} expired on ${until}. ${RENEW}`,
    };
  }
  if (validFrom.getTime() > now.getTime()) {
    return {
      code: 'certificate-not-yet-valid',
      severity: 'problem',
      user: null,
      detail:
        `The client certificate ${path} is valid only from ${validFrom.toISOString()}. ` +
        "Check this machine's clock.",
    };
  }
  if (daysLeft < EXPIRY_WARNING_DAYS) {
    return {
      code: 'certificate-expiring',
      severity: 'warning',
      user: null,
      detail: `The client certificate ${path} expires in ${plural(daysLeft, 'day')} (${until}). ${RENEW}`,
    };
  }
  return {
    code: 'certificate-valid',
    severity: 'info',
    user: null,
    detail: `The client certificate ${path} is valid until ${until} (${daysLeft} days).`,
  };
}
