import { EXIT_BUG, EXIT_OK, EXIT_USAGE, processIo, write, type CliIo } from './cli-io.js';
import type { Command } from './command.js';
import { COMMAND_LOADERS } from './command-loaders.js';
import { limitHeapGrowth } from './heap-growth.js';
import { usage } from './usage.js';
import { versionLine } from './version.js';

/** One of `flags` among a command's options (not after `--`), so every command answers --help and --version alike. */
function asksFor(args: readonly string[], flags: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).some((arg) => flags.includes(arg));
}

const HELP = ['--help', '-h'];
const VERSION = ['--version', '-V'];

function commandHelp(command: Command): string {
  return `Usage: qlik-sessions ${command.synopsis}\n\n${command.summary.charAt(0).toUpperCase()}${command.summary.slice(1)}.\n${command.details === undefined ? '' : `${command.details}\n`}`;
}

// The British spellings the chat accepts too.
const ALIASES: Readonly<Record<string, string>> = { analyse: 'analyze', licences: 'licenses' };

/** Entry point of the `qlik-sessions` command: picks the sub-command and turns unexpected errors into exit 1. */
/** The usage text needs every command's synopsis: only `--help` and a mistyped command load them all. */
async function usageText(): Promise<string> {
  return usage((await import('./commands.js')).COMMANDS);
}

export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  limitHeapGrowth();
  const [name, ...args] = argv;
  if (name !== undefined && VERSION.includes(name)) {
    await write(io.stdout, versionLine());
    return EXIT_OK;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    await write(io.stdout, await usageText());
    return EXIT_OK;
  }
  // Bare `qlik-sessions` (and `npm start`) serves Slack or opens the console: the `start` command decides.
  const wanted = name === undefined ? 'start' : (ALIASES[name] ?? name);
  const load = Object.hasOwn(COMMAND_LOADERS, wanted) ? COMMAND_LOADERS[wanted] : undefined;
  if (load === undefined) {
    // Loaded only on this path, so a correct command starts as fast as before.
    const { didYouMean } = await import('../core/knowledge/index.js');
    const meant = didYouMean(name ?? '', ['help', ...Object.keys(COMMAND_LOADERS)]);
    const guess = meant === undefined ? '' : ` Did you mean "qlik-sessions ${[meant, ...args].join(' ')}"?`;
    await write(
      io.stderr,
      `qlik-sessions: unknown command "${name ?? ''}".${guess}

${await usageText()}`,
    );
    return EXIT_USAGE;
  }
  const command = await load();
  if (asksFor(args, HELP)) {
    await write(io.stdout, commandHelp(command));
    return EXIT_OK;
  }
  if (asksFor(args, VERSION)) {
    await write(io.stdout, versionLine());
    return EXIT_OK;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    await write(io.stderr, `qlik-sessions ${command.name}: unexpected error (a bug, please report it):\n${detail}\n`);
    return EXIT_BUG;
  }
}
