import type { QlikUserRef } from '../../core/users/index.js';

/** The `X-Qlik-User` header value; both parts must be URL-encoded UTF-8. */
export function qlikUserHeader(user: QlikUserRef): string {
  return `UserDirectory=${encodeURIComponent(user.directory)}; UserId=${encodeURIComponent(user.id)}`;
}
