import type { QlikUserRef } from '../../core/users/index.js';

/** `/qps` for the default proxy, `/qps/<prefix>` for a virtual proxy. */
export function qpsBase(prefix: string): string {
  return prefix === '' ? '/qps' : `/qps/${encodeURIComponent(prefix)}`;
}

/** `GET` lists, `DELETE` ends, the user's sessions on one node and virtual proxy. */
export function userSessionsPath(prefix: string, user: QlikUserRef): string {
  return `${qpsBase(prefix)}/user/${encodeURIComponent(user.directory)}/${encodeURIComponent(user.id)}`;
}
