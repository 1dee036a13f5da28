import { hasSlackCredentials } from '../config/index.js';
import { EXIT_USAGE, write, type CliIo } from './cli-io.js';
import type { Command } from './command.js';
import { openApp } from './open-app.js';
import { serveCommand } from './serve-command.js';
import { shellCommand } from './shell-command.js';

export const startCommand: Command = {
  name: 'start',
  synopsis: 'start',
  summary: 'serve Slack when SLACK_BOT_TOKEN is set, else open the console (what bare qlik-sessions and npm start do)',
  async run(args, io: CliIo) {
    const app = await openApp(io, 'start');
    if (app === undefined) return EXIT_USAGE;
    if (hasSlackCredentials(app.config)) return serveCommand.run(args, io);
    await write(
      io.stderr,
      'Slack is not connected: set SLACK_BOT_TOKEN and SLACK_APP_TOKEN (see README "Install in your workspace"). Opening the local console.\n',
    );
    return shellCommand.run(args, io);
  },
};
