import { QLIK_USER_NAME, type QlikUserRef } from '../../config/index.js';

/** Reads `DIRECTORY\user` as Qlik writes it; undefined when the text is not in that form. */
export function parseQlikUserName(text: string): QlikUserRef | undefined {
  const match = QLIK_USER_NAME.exec(text.trim());
  if (match === null) return undefined;
  const [, directory = '', id = ''] = match;
  return { directory, id };
}

export function formatQlikUserName(user: QlikUserRef): string {
  return `${user.directory}\\${user.id}`;
}

/** True when both name the same user; Qlik compares directory and user id without regard to case. */
export function sameQlikUser(left: QlikUserRef, right: QlikUserRef): boolean {
  return left.directory.toLowerCase() === right.directory.toLowerCase() && left.id.toLowerCase() === right.id.toLowerCase();
}

/** The `X-Qlik-User` header value; both parts must be URL-encoded UTF-8. */
export function qlikUserHeader(user: QlikUserRef): string {
  return `UserDirectory=${encodeURIComponent(user.directory)}; UserId=${encodeURIComponent(user.id)}`;
}
