import { parseArgs } from 'node:util';
import { createMemoryStateStore } from '../adapters/state/index.js';
import { createLiveQlik, isLiveQlikConfigured } from '../adapters/qlik/index.js';
import { readConfig } from '../config/index.js';
import { createLineAlertSink } from './alert-lines.js';
import { EXIT_OK, EXIT_USAGE, write, type CliIo } from './cli-io.js';
import type { Command } from './command.js';
import { processStopSignal, type StopSignal } from './serve-command.js';
import { buildWatchRuntime } from './watch-runtime.js';

const SYNOPSIS = 'watch [--json]';

/** `qlik-sessions watch`: the watch without Slack, printing each alert (text, or a JSON object a line). */
export function createWatchCommand(waitForStop: StopSignal = processStopSignal): Command {
  return {
    name: 'watch',
    synopsis: SYNOPSIS,
    summary: 'follow the log folders (QLIK_LOG_DIR) and the live sessions; print each alert (--json: a JSON object a line)',
    details: 'Runs until SIGTERM or Ctrl-C. Problems (a folder unreadable, a node down) go to stderr; alerts to stdout.\nQLIK_WATCH_STATE keeps the read positions, so a restart resumes where it stopped.',
    async run(args, io: CliIo) {
      let parsed;
      try {
        parsed = parseArgs({ args: [...args], allowPositionals: false, options: { json: { type: 'boolean', default: false } } });
      } catch (error) {
        await write(io.stderr, `qlik-sessions watch: ${error instanceof Error ? error.message : String(error)}. Usage: qlik-sessions ${SYNOPSIS}\n`);
        return EXIT_USAGE;
      }
      const read = readConfig(io.env);
      if (!read.ok) {
        await write(io.stderr, `qlik-sessions watch: the configuration is not valid:\n${read.errors.map((error) => `  - ${error}\n`).join('')}`);
        return EXIT_USAGE;
      }
      const { config } = read;
      const stderr = (text: string): void => void write(io.stderr, `qlik-sessions watch: ${text}\n`);
      const live = isLiveQlikConfigured(config.qlik) && config.qlik.proxyUrls.length > 0 ? createLiveQlik(config.qlik, { logger: { warn: stderr } }) : undefined;
      const store = createMemoryStateStore();
      const built = await buildWatchRuntime(config, {
        sink: createLineAlertSink((text) => write(io.stdout, text), parsed.values.json),
        store,
        endButton: false,
        live,
        onProblem: stderr,
        onError: (error) => stderr(`internal error: ${error instanceof Error ? error.message : String(error)}`),
      });
      if (!built.ok) {
        await write(io.stderr, `qlik-sessions watch: ${built.error}\n`);
        return EXIT_USAGE;
      }
      if (config.watch.statePath === undefined) stderr('QLIK_WATCH_STATE is not set: the read positions are kept in memory, so a restart reads the last minutes again.');
      stderr(`watching ${built.sources}; stop with Ctrl-C or SIGTERM.`);
      built.watch.start();
      const signal = await waitForStop();
      stderr(`${signal}: stopping.`);
      await built.watch.stop();
      await store.close();
      return EXIT_OK;
    },
  };
}

export const watchCommand: Command = createWatchCommand();
