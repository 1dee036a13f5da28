/** A Qlik Sense user as Qlik names it: user directory and user id. */
export interface QlikUserRef {
  readonly directory: string;
  readonly id: string;
}

/** `DIRECTORY\user` as Qlik writes it: two parts without spaces or further backslashes. */
export const QLIK_USER_NAME = /^([^\\\s]+)\\([^\\\s]+)$/;

/** True for `DIRECTORY\user`; the one check behind settings, CLI arguments, chat commands and button values. */
export function isQlikUserName(text: string): boolean {
  return QLIK_USER_NAME.test(text);
}

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
  return (
    left.directory.toLowerCase() === right.directory.toLowerCase() && left.id.toLowerCase() === right.id.toLowerCase()
  );
}
