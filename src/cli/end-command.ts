import { EXIT_OK, EXIT_USAGE, write } from './cli-io.js';
import type { Command } from './command.js';
import { openLiveQlik, parseLiveArgs, reportLiveFailure, userArgument } from './open-live-qlik.js';
import { renderEndText } from './render-live-report-text.js';

const SYNOPSIS = 'end DIR\\USER --yes [--json]';

export const endCommand: Command = {
  name: 'end',
  synopsis: SYNOPSIS,
  summary: "end all the user's proxy sessions on every node and virtual proxy",
  async run(args, io) {
    const parsed = parseLiveArgs(args, { yes: true });
    if (!parsed.ok) {
      await write(io.stderr, `qlik-sessions end: ${parsed.error}. Usage: qlik-sessions ${SYNOPSIS}\n`);
      return EXIT_USAGE;
    }
    const name = await userArgument(io, 'end', SYNOPSIS, parsed.positionals);
    if (name === undefined) return EXIT_USAGE;
    if (parsed.values.yes !== true) {
      await write(
        io.stderr,
        `qlik-sessions end: this ends every proxy session of ${name} (their open apps close). Add --yes to do it: qlik-sessions end '${name}' --yes\n`,
      );
      return EXIT_USAGE;
    }
    const opened = await openLiveQlik(io, 'end', 'sessions');
    if (!opened.ok) return opened.exitCode;
    const result = await opened.live.endSessions(name);
    if (!result.ok) return reportLiveFailure(io, 'end', result.error);
    await write(io.stdout, parsed.values.json === true ? `${JSON.stringify(result.value, null, 2)}\n` : renderEndText(result.value));
    return EXIT_OK;
  },
};
