import { didYouMean } from '../core/knowledge/index.js';
import { isQlikUserName } from '../core/users/index.js';

/** What a direct request (command, mention, DM) asks for, parsed from its text. */
export type BotRequest =
  | { readonly kind: 'help' }
  | { readonly kind: 'analyze'; readonly text: string }
  | { readonly kind: 'kb'; readonly id: string | null }
  | { readonly kind: 'ask'; readonly text: string }
  | { readonly kind: 'sessions'; readonly user: string | null }
  | { readonly kind: 'licenses'; readonly user: string | null }
  | { readonly kind: 'end'; readonly user: string | null }
  | { readonly kind: 'doctor' }
  /** The verdict for a user from the log folders; `since` as typed (`2h`), null for the default. */
  | { readonly kind: 'why'; readonly user: string | null; readonly since: string | null }
  /** A mistyped command word ("hlep", "sesions CORP\jdoe"): `suggestion` is the request as it was likely meant. */
  | { readonly kind: 'did-you-mean'; readonly typed: string; readonly suggestion: string };

/** The command words of the chat, as "help" lists them (aliases such as "analyse" and "licences" are read too). */
const COMMAND_WORDS = ['help', 'analyze', 'kb', 'ask', 'sessions', 'licenses', 'end', 'doctor', 'why'];

// The bot's name typed in front (`@qlik-sessions`, `/qlik-sessions`); a chat's own mentions are its adapter's to drop.
const LEADING_ADDRESS = /^\s*(?:@qlik-sessions\b|\/qlik-sessions\b)[\s:,]*/i;

/** The text without the bot's name typed in front, as the person meant it. */
export function stripAddress(text: string): string {
  let rest = text;
  for (let match = LEADING_ADDRESS.exec(rest); match !== null && match[0] !== ''; match = LEADING_ADDRESS.exec(rest)) {
    rest = rest.slice(match[0].length);
  }
  return rest.trim();
}

function firstWord(text: string): { readonly word: string; readonly rest: string } {
  const match = /^(\S+)\s*([\s\S]*)$/.exec(text);
  return { word: (match?.[1] ?? '').toLowerCase(), rest: match?.[2]?.trim() ?? '' };
}

// Quotes as the CLI needs them ('CORP\jdoe'), as Slack curls them, or a code span: the user is inside.
const QUOTED = /^(['"`‘“])(.*)(['"`’”])$/;

/** A single argument such as `DOMAIN\jdoe`; the rest of the text is ignored so a trailing remark does no harm. */
function argument(rest: string): string | null {
  const [first = ''] = rest.split(/\s+/);
  const unquoted = QUOTED.exec(first)?.[2] ?? first;
  return unquoted === '' ? null : unquoted;
}

/** `sessions DOMAIN\jdoe` is a command; `sessions keep piling up, why?` is a question. */
function userCommand(kind: 'sessions' | 'licenses' | 'end', rest: string, body: string): BotRequest {
  const user = argument(rest);
  if (user === null || isQlikUserName(user) || !/\s/.test(rest)) return { kind, user };
  return { kind: 'ask', text: body };
}

/** `why DOMAIN\jdoe [2h]` (or `--since 2h`) is a command; `why do users get too many sessions?` is a question. */
function whyCommand(rest: string, body: string): BotRequest {
  const user = argument(rest);
  if (user === null) return { kind: 'why', user: null, since: null };
  if (!isQlikUserName(user))
    return /\s/.test(rest) || rest.endsWith('?') ? { kind: 'ask', text: body } : { kind: 'why', user, since: null };
  const words = rest
    .split(/\s+/)
    .slice(1)
    .filter((word) => word !== '--since' && word !== 'since');
  return { kind: 'why', user, since: words[0] ?? null };
}

/** The request a direct message asks for: a command word first, otherwise a question. */
export function parseBotRequest(text: string): BotRequest {
  const body = stripAddress(text);
  const { word, rest } = firstWord(body);
  switch (word) {
    case '':
    case '?':
      return { kind: 'help' };
    case 'help':
    case '-h':
    case '--help':
      // `help` alone (or `help analyze`) is the command; `help me, users get too many sessions` is a question.
      return /\s/.test(rest) ? { kind: 'ask', text: body } : { kind: 'help' };
    case 'analyze':
    case 'analyse':
      return { kind: 'analyze', text: rest };
    case 'kb':
      return { kind: 'kb', id: argument(rest)?.toLowerCase() ?? null };
    case 'ask':
      return rest === '' ? { kind: 'help' } : { kind: 'ask', text: rest };
    case 'sessions':
      return userCommand('sessions', rest, body);
    case 'licenses':
    case 'licences':
      return userCommand('licenses', rest, body);
    case 'end':
      // `end DOMAIN\jdoe` ends sessions (after a confirmation); `end of the day the sessions pile up` is a question.
      return userCommand('end', rest, body);
    case 'doctor':
      return rest === '' ? { kind: 'doctor' } : { kind: 'ask', text: body };
    case 'why':
      return whyCommand(rest, body);
    default: {
      // A command word one slip away, alone or with one argument, is a typo; a sentence stays a question.
      const meant = /\s/.test(rest) ? undefined : didYouMean(word, COMMAND_WORDS);
      if (meant !== undefined) return { kind: 'did-you-mean', typed: word, suggestion: `${meant} ${rest}`.trim() };
      return { kind: 'ask', text: body };
    }
  }
}
