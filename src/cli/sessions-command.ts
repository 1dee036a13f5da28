import { parseArgs } from 'node:util';
import { formatQlikUserName } from '../adapters/qlik/index.js';
import { EXIT_OK, EXIT_USAGE, write } from './cli-io.js';
import type { Command } from './command.js';
import { openLiveQlik, reportLiveFailure, userArgument } from './open-live-qlik.js';
import { renderSessionsText } from './render-live-report-text.js';

const SYNOPSIS = 'sessions DIR\\USER [--json]';

export const sessionsCommand: Command = {
  name: 'sessions',
  synopsis: SYNOPSIS,
  summary: "a user's live proxy sessions on every proxy node and virtual proxy",
  async run(args, io) {
    const parsed = parseCliArgs(args);
    if (parsed === undefined) {
      await write(io.stderr, `qlik-sessions sessions: unknown option. Usage: qlik-sessions ${SYNOPSIS}\n`);
      return EXIT_USAGE;
    }
    const user = await userArgument(io, 'sessions', SYNOPSIS, parsed.positionals);
    if (user === undefined) return EXIT_USAGE;
    const opened = await openLiveQlik(io, 'sessions', 'sessions');
    if (!opened.ok) return opened.exitCode;
    const result = await opened.live.sessions(formatQlikUserName(user));
    if (!result.ok) return reportLiveFailure(io, 'sessions', result.error);
    await write(io.stdout, parsed.values.json === true ? `${JSON.stringify(result.value, null, 2)}\n` : renderSessionsText(result.value));
    return EXIT_OK;
  },
};

function parseCliArgs(args: readonly string[]) {
  try {
    return parseArgs({ args: [...args], options: { json: { type: 'boolean' } }, allowPositionals: true, strict: true });
  } catch {
    return undefined;
  }
}
