/** `DIRECTORY\user` as Qlik writes it: two parts without spaces or further backslashes. */
export const QLIK_USER_NAME = /^([^\\\s]+)\\([^\\\s]+)$/;

/** True for `DIRECTORY\user`; the one check behind settings, CLI arguments, chat commands and button values. */
export function isQlikUserName(text: string): boolean {
  return QLIK_USER_NAME.test(text);
}
