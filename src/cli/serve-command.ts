import { parseArgs } from 'node:util';
import { createPinoLogger } from '../adapters/logging/index.js';
import { startSlackApp } from '../adapters/slack/index.js';
import { readConfig } from '../config/index.js';
import { EXIT_OK, EXIT_USAGE, write, type CliIo } from './cli-io.js';
import type { Command } from './command.js';

/** Resolves when the process is asked to stop; tests pass their own. */
export type StopSignal = () => Promise<string>;

export function processStopSignal(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
      resolve(signal);
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
}

const SYNOPSIS = 'serve';

function missingSlackSettings(env: CliIo['env']): string[] {
  const missing: string[] = [];
  if ((env['SLACK_BOT_TOKEN'] ?? '').trim() === '') missing.push('SLACK_BOT_TOKEN: the Bot User OAuth Token (xoxb-...) from "OAuth & Permissions" of your Slack app');
  if ((env['SLACK_APP_TOKEN'] ?? '').trim() === '' && (env['SLACK_SIGNING_SECRET'] ?? '').trim() === '') {
    missing.push('SLACK_APP_TOKEN (Socket Mode: an app-level token xapp-... with connections:write, from "Basic Information") or SLACK_SIGNING_SECRET (HTTP mode: the Signing Secret from "Basic Information")');
  }
  return missing;
}

/** `qlik-sessions serve`: Slack over Socket Mode when SLACK_APP_TOKEN is set, else HTTP on PORT; stops gracefully on SIGTERM/SIGINT. */
export function createServeCommand(waitForStop: StopSignal = processStopSignal): Command {
  return {
    name: 'serve',
    synopsis: SYNOPSIS,
    summary: 'serve Slack: Socket Mode when SLACK_APP_TOKEN is set, otherwise HTTP on PORT at /slack/events',
    async run(args, io: CliIo) {
      try {
        parseArgs({ args: [...args], options: {}, allowPositionals: false, strict: true });
      } catch (error) {
        await write(io.stderr, `qlik-sessions serve: ${error instanceof Error ? error.message : String(error)}. Usage: qlik-sessions ${SYNOPSIS} (settings come from the environment, see .env.example)\n`);
        return EXIT_USAGE;
      }
      const read = readConfig(io.env);
      if (!read.ok) {
        await write(io.stderr, `qlik-sessions serve: the configuration is not valid:\n${read.errors.map((error) => `  - ${error}\n`).join('')}`);
        return EXIT_USAGE;
      }
      const missing = missingSlackSettings(io.env);
      if (missing.length > 0) {
        await write(io.stderr, `qlik-sessions serve: Slack is not configured. Set:\n${missing.map((line) => `  - ${line}\n`).join('')}See README "Install in your workspace".\n`);
        return EXIT_USAGE;
      }
      const logger = createPinoLogger({ level: read.config.logLevel, destination: { write: (line: string) => void io.stderr.write(line) } });
      const started = await startSlackApp(read.config, { logger });
      if (!started.ok) {
        await write(io.stderr, `qlik-sessions serve: ${started.error}\n`);
        return EXIT_USAGE;
      }
      const where = started.app.transport.mode === 'socket' ? 'Socket Mode' : `HTTP on port ${started.port ?? read.config.slack.port} at /slack/events (GET /healthz)`;
      logger.info(`serving Slack over ${where}`);
      const signal = await waitForStop();
      logger.info(`${signal}: stopping; finishing ${started.app.inFlight()} replies in flight`);
      await started.app.stop();
      logger.info('stopped');
      return EXIT_OK;
    },
  };
}

export const serveCommand: Command = createServeCommand();
