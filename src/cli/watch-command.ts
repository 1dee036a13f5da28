import { parseArgs } from 'node:util';
import { createLineAlertSink } from './alert-lines.js';
import { EXIT_OK, EXIT_USAGE, write, type CliIo } from './cli-io.js';
import type { Command } from './command.js';
import { openApp } from './open-app.js';
import { processStopSignal, type StopSignal } from './serve-command.js';

const SYNOPSIS = 'watch [--json]';

/** `qlik-sessions watch`: the watch without Slack, printing each alert (text, or a JSON object a line). */
export function createWatchCommand(waitForStop: StopSignal = processStopSignal): Command {
  return {
    name: 'watch',
    synopsis: SYNOPSIS,
    summary:
      'follow the log folders (QLIK_LOG_DIR) and the live sessions; print each alert (--json: a JSON object a line)',
    details:
      'Runs until SIGTERM or Ctrl-C. Problems (a folder unreadable, a node down) go to stderr; alerts to stdout.\nQLIK_WATCH_STATE keeps the read positions, so a restart resumes where it stopped.',
    async run(args, io: CliIo) {
      let parsed;
      try {
        parsed = parseArgs({
          args: [...args],
          allowPositionals: false,
          options: { json: { type: 'boolean', default: false } },
        });
      } catch (error) {
        await write(
          io.stderr,
          `qlik-sessions watch: ${error instanceof Error ? error.message : String(error)}. Usage: qlik-sessions ${SYNOPSIS}\n`,
        );
        return EXIT_USAGE;
      }
      const app = await openApp(io, 'watch');
      if (app === undefined) return EXIT_USAGE;
      const { config } = app;
      const stderr = (text: string): void => void write(io.stderr, `qlik-sessions watch: ${text}\n`);
      const built = await app.watch(
        createLineAlertSink((text) => write(io.stdout, text), parsed.values.json),
        { endButton: false, onProblem: stderr },
      );
      if (!built.ok) {
        await write(io.stderr, `qlik-sessions watch: ${built.error}\n`);
        return EXIT_USAGE;
      }
      if (config.watch.statePath === undefined)
        stderr(
          'QLIK_WATCH_STATE is not set: the read positions are kept in memory, so a restart reads the last minutes again.',
        );
      stderr(`watching ${built.sources}; stop with Ctrl-C or SIGTERM.`);
      built.watch.start();
      const signal = await waitForStop();
      stderr(`${signal}: stopping.`);
      await built.watch.stop();
      return EXIT_OK;
    },
  };
}

export const watchCommand: Command = createWatchCommand();
