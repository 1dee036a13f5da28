import type { LogFields, Logger, LogMethod } from '../bot/index.js';
import { readConfig, type ConfigResult } from '../config/index.js';
import { buildApp, createJsonLogger, type App } from '../main.js';
import { write, type CliIo } from './cli-io.js';

// One reading of the environment per invocation: `start` hands over to `serve` or `shell` with the same result.
const readings = new WeakMap<CliIo, ConfigResult>();

/** Warnings and errors of a one-shot command on stderr, named after it; progress lines are for `serve` only. */
function commandLogger(io: CliIo, command: string): Logger {
  const line = (label: string): LogMethod =>
    ((first: LogFields | string, message?: string) => {
      void write(
        io.stderr,
        `qlik-sessions ${command}: ${label}: ${typeof first === 'string' ? first : (message ?? '')}\n`,
      );
    }) as LogMethod;
  const ignore: LogMethod = () => undefined;
  return { debug: ignore, info: ignore, warn: line('warning'), error: line('error') };
}

/**
 * The app for a command, built from the environment read once; an invalid configuration is printed the one way
 * every command prints it (each message names the variable and the fix), and undefined returned.
 */
export async function openApp(
  io: CliIo,
  command: string,
  options: { readonly serving?: boolean } = {},
): Promise<App | undefined> {
  let read = readings.get(io);
  if (read === undefined) {
    read = readConfig(io.env, { cwd: io.cwd });
    readings.set(io, read);
  }
  if (!read.ok) {
    await write(
      io.stderr,
      `qlik-sessions ${command}: the configuration is not valid:\n${read.errors.map((error) => `  - ${error}\n`).join('')}`,
    );
    return undefined;
  }
  const logger =
    options.serving === true
      ? await createJsonLogger(read.config.logLevel, (line) => void io.stderr.write(line))
      : commandLogger(io, command);
  return buildApp(read.config, { logger });
}
