import type { Reply } from './reply.js';
import { code } from '../core/text/index.js';
import { simpleReply } from './simple-reply.js';

/** `sessions` / `licenses` without a usable DIRECTORY\user. */
export function userArgumentReply(command: 'sessions' | 'licenses' | 'end' | 'why', given: string | null): Reply {
  const headline =
    given === null
      ? `Which user? Write the user as Qlik does, DIRECTORY\\user.`
      : `"${given}" is not a Qlik user name: write it as DIRECTORY\\user, as Qlik does.`;
  return simpleReply('pointer', headline, [
    { title: null, paragraphs: [['For example ', code(`${command} CORP\\jdoe`)]], steps: [] },
  ]);
}
