import { readConfig, type AppConfig, type ConfigResult } from '../config/index.js';
import { write, type CliIo } from './cli-io.js';

// One reading of the environment per invocation: `start` hands over to `serve` or `shell` with the same result.
const readings = new WeakMap<CliIo, ConfigResult>();

/**
 * The configuration for a command, read from the environment once; an invalid one is printed the one way every
 * command prints it (each message names the variable and the fix), and undefined returned. Commands that need only
 * settings use this alone, so they do not load the app (the bot, the adapters) to run.
 */
export async function openConfig(io: CliIo, command: string): Promise<AppConfig | undefined> {
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
  return read.config;
}
