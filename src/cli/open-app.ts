import type { LogFields, Logger, LogMethod } from '../bot/index.js';
import { buildApp, createJsonLogger, type App } from '../main.js';
import { write, type CliIo } from './cli-io.js';
import { openConfig } from './open-config.js';

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
  const config = await openConfig(io, command);
  if (config === undefined) return undefined;
  const logger =
    options.serving === true
      ? await createJsonLogger(config.logLevel, (line) => void io.stderr.write(line))
      : commandLogger(io, command);
  return buildApp(config, { logger });
}
