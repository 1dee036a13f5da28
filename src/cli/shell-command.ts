import { parseArgs } from 'node:util';
import { isPastedLogLine, runConsole } from '../adapters/console/index.js';
import { EXIT_OK, EXIT_USAGE, write, type CliIo } from './cli-io.js';
import type { Command } from './command.js';
import { openApp } from './open-app.js';
import { pictureSaver } from './save-picture.js';
import { wantsColor } from './wants-color.js';

export const shellCommand: Command = {
  name: 'shell',
  synopsis: 'shell [--no-color]',
  summary: 'the bot in this terminal, typed as in Slack; reads piped stdin to the end',
  async run(args, io: CliIo) {
    let noColor: boolean;
    try {
      noColor = parseArgs({
        args: [...args],
        options: { 'no-color': { type: 'boolean', default: false } },
        allowPositionals: false,
      }).values['no-color'];
    } catch (error) {
      await write(
        io.stderr,
        `qlik-sessions shell: ${error instanceof Error ? error.message : String(error)}\nUsage: qlik-sessions shell [--no-color]\n`,
      );
      return EXIT_USAGE;
    }
    const app = await openApp(io, 'shell');
    if (app === undefined) return EXIT_USAGE;
    const built = await app.bot('console');
    if (!built.ok) {
      await write(
        io.stderr,
        `qlik-sessions shell: ${built.error}\nFix the entry (or unset QLIK_KB_DIR) and try again.\n`,
      );
      return EXIT_USAGE;
    }
    await runConsole({
      bot: built.bot,
      input: io.stdin,
      output: io.stdout,
      color: !noColor && wantsColor(io),
      isLogLine: isPastedLogLine,
      savePicture: pictureSaver(io.cwd),
    });
    return EXIT_OK;
  },
};
