/** Failure codes for a service that was not reached at all (not an answer it gave that was refused or unreadable). */
const UNREACHED: ReadonlySet<string> = new Set([
  'timeout',
  'connection-refused',
  'host-not-found',
  'network-error',
  'server-certificate-untrusted',
  'server-name-mismatch',
  'client-certificate-rejected',
]);

export function isUnreached(code: string): boolean {
  return UNREACHED.has(code);
}
