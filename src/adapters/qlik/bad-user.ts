import type { LiveFailure } from '../../core/live/index.js';

/** A user argument that is not `DIRECTORY\user`. */
export function badUser(text: string): LiveFailure {
  return {
    code: 'bad-user',
    message: `"${text}" is not a Qlik user name; write it as DIRECTORY\\user, for example CORP\\mweber.`,
  };
}
