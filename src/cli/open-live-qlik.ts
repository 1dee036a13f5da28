import { parseArgs } from 'node:util';
import type { LiveQlik } from '../bot/index.js';
import type { LiveFailure } from '../core/live/index.js';
import { missingQlikSettings, notConfiguredMessage, type QlikCapability } from '../config/index.js';
import { isQlikUserName } from '../core/users/index.js';
import { EXIT_USAGE, write, type CliIo } from './cli-io.js';
import { openApp } from './open-app.js';

export type OpenedLiveQlik =
  { readonly ok: true; readonly live: LiveQlik } | { readonly ok: false; readonly exitCode: number };

/** Reads the settings a live command needs and builds the client; says on stderr what to set when something is missing. */
export async function openLiveQlik(io: CliIo, command: string, capability: QlikCapability): Promise<OpenedLiveQlik> {
  const app = await openApp(io, command);
  if (app === undefined) return { ok: false, exitCode: EXIT_USAGE };
  const missing = missingQlikSettings(app.config.qlik, capability);
  const live = await app.live();
  if (missing.length > 0 || live === undefined) {
    await write(
      io.stderr,
      `qlik-sessions ${command}: ${notConfiguredMessage(missing)}\n` +
        'See .env.example and the "Live Qlik Sense checks" section of the README.\n',
    );
    return { ok: false, exitCode: EXIT_USAGE };
  }
  return { ok: true, live };
}

/** The one `DIR\USER` argument of sessions, licenses and end, checked once here; undefined after explaining on stderr. */
export async function userArgument(
  io: CliIo,
  command: string,
  synopsis: string,
  positionals: readonly string[],
): Promise<string | undefined> {
  const [text, ...extra] = positionals;
  if (text === undefined || extra.length > 0) {
    await write(io.stderr, `qlik-sessions ${command}: give exactly one user, for example: qlik-sessions ${synopsis}\n`);
    return undefined;
  }
  const user = text.trim();
  if (!isQlikUserName(user)) {
    await write(
      io.stderr,
      `qlik-sessions ${command}: "${text}" is not a Qlik user name. Write DIRECTORY\\user in quotes so the shell keeps the backslash, ` +
        `for example: qlik-sessions ${command} 'CORP\\mweber'\n`,
    );
    return undefined;
  }
  return user;
}

/** A live call that answered nothing: the cause and the fix on stderr, exit 2. */
export async function reportLiveFailure(io: CliIo, command: string, failure: LiveFailure): Promise<number> {
  await write(io.stderr, `qlik-sessions ${command}: ${failure.message}\n`);
  return EXIT_USAGE;
}

export type LiveArgs =
  | {
      readonly ok: true;
      readonly positionals: readonly string[];
      readonly values: { readonly json?: boolean; readonly yes?: boolean };
    }
  | { readonly ok: false; readonly error: string };

/** `--json` (and `--yes`, for `end` only) plus positionals; an unknown option is named in the error. */
export function parseLiveArgs(args: readonly string[], accepts: { readonly yes: boolean } = { yes: false }): LiveArgs {
  const options = accepts.yes
    ? ({ json: { type: 'boolean' }, yes: { type: 'boolean' } } as const)
    : ({ json: { type: 'boolean' } } as const);
  try {
    const parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
    return { ok: true, positionals: parsed.positionals, values: parsed.values as { json?: boolean; yes?: boolean } };
  } catch (error) {
    // parseArgs names the option ("Unknown option '--fix'"); its advice about '--' does not apply to these commands.
    const message =
      error instanceof Error ? error.message.replace(/\. To specify a positional argument.*$/s, '') : String(error);
    return { ok: false, error: message };
  }
}
