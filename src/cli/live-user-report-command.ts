import type { LiveQlik } from '../bot/index.js';
import type { LiveResult } from '../core/live/index.js';
import type { QlikCapability } from '../config/index.js';
import { EXIT_OK, EXIT_USAGE, write, type CliIo } from './cli-io.js';
import type { Command } from './command.js';
import { openLiveQlik, parseLiveArgs, reportLiveFailure, userArgument } from './open-live-qlik.js';

export interface LiveUserReportSpec<T> {
  readonly name: QlikCapability;
  readonly summary: string;
  readonly ask: (live: LiveQlik, user: string) => Promise<LiveResult<T>>;
  readonly renderText: (value: T, io: CliIo) => string;
}

/** A read-only live command about one `DIR\USER` (sessions, licenses): the same arguments, errors and `--json`. */
export function liveUserReportCommand<T>(spec: LiveUserReportSpec<T>): Command {
  const synopsis = `${spec.name} DIR\\USER [--json]`;
  return {
    name: spec.name,
    synopsis,
    summary: spec.summary,
    async run(args, io) {
      const parsed = parseLiveArgs(args);
      if (!parsed.ok) {
        await write(io.stderr, `qlik-sessions ${spec.name}: ${parsed.error}. Usage: qlik-sessions ${synopsis}\n`);
        return EXIT_USAGE;
      }
      const user = await userArgument(io, spec.name, synopsis, parsed.positionals);
      if (user === undefined) return EXIT_USAGE;
      const opened = await openLiveQlik(io, spec.name, spec.name);
      if (!opened.ok) return opened.exitCode;
      const result = await spec.ask(opened.live, user);
      if (!result.ok) return reportLiveFailure(io, spec.name, result.error);
      await write(
        io.stdout,
        parsed.values.json === true ? `${JSON.stringify(result.value, null, 2)}\n` : spec.renderText(result.value, io),
      );
      return EXIT_OK;
    },
  };
}
