import { EXIT_OK, EXIT_USAGE, write } from './cli-io.js';
import type { Command } from './command.js';
import { openLiveQlik, parseLiveArgs, reportLiveFailure, userArgument } from './open-live-qlik.js';
import { renderEndText, renderSessionsText } from './render-live-report-text.js';

const SYNOPSIS = 'end DIR\\USER [--yes] [--json]';

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
    const opened = await openLiveQlik(io, 'end', 'sessions');
    if (!opened.ok) return opened.exitCode;
    if (parsed.values.yes !== true) {
      // A dry run: the live count and where, as the chat shows before its confirmation; nothing is ended.
      const counted = await opened.live.sessions(name);
      if (!counted.ok) return reportLiveFailure(io, 'end', counted.error);
      const report = counted.value;
      if (parsed.values.json === true) {
        await write(
          io.stdout,
          `${JSON.stringify({ dryRun: true, user: report.user, wouldEnd: report.total, sessions: report.sessions, errors: report.errors }, null, 2)}\n`,
        );
        return EXIT_OK;
      }
      const next =
        report.total === 0
          ? 'Nothing to end.'
          : `Nothing was ended. This would end ${report.total === 1 ? 'it' : `all ${report.total}`} (their open apps close). Add --yes to do it: qlik-sessions end '${name}' --yes`;
      await write(io.stdout, `${renderSessionsText(report)}\n${next}\n`);
      return EXIT_OK;
    }
    const result = await opened.live.endSessions(name);
    if (!result.ok) return reportLiveFailure(io, 'end', result.error);
    await write(
      io.stdout,
      parsed.values.json === true ? `${JSON.stringify(result.value, null, 2)}\n` : renderEndText(result.value),
    );
    return EXIT_OK;
  },
};
