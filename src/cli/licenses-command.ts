import { parseArgs } from 'node:util';
import { formatQlikUserName } from '../adapters/qlik/index.js';
import { EXIT_OK, EXIT_USAGE, write } from './cli-io.js';
import type { Command } from './command.js';
import { openLiveQlik, reportLiveFailure, userArgument } from './open-live-qlik.js';
import { renderLicensesText } from './render-live-report-text.js';

const SYNOPSIS = 'licenses DIR\\USER [--json]';

export const licensesCommand: Command = {
  name: 'licenses',
  synopsis: SYNOPSIS,
  summary: "a user's licence allocations (professional, analyzer, user, login access)",
  async run(args, io) {
    const parsed = parseCliArgs(args);
    if (parsed === undefined) {
      await write(io.stderr, `qlik-sessions licenses: unknown option. Usage: qlik-sessions ${SYNOPSIS}\n`);
      return EXIT_USAGE;
    }
    const user = await userArgument(io, 'licenses', SYNOPSIS, parsed.positionals);
    if (user === undefined) return EXIT_USAGE;
    const opened = await openLiveQlik(io, 'licenses', 'licenses');
    if (!opened.ok) return opened.exitCode;
    const result = await opened.live.licenses(formatQlikUserName(user));
    if (!result.ok) return reportLiveFailure(io, 'licenses', result.error);
    await write(io.stdout, parsed.values.json === true ? `${JSON.stringify(result.value, null, 2)}\n` : renderLicensesText(result.value));
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
