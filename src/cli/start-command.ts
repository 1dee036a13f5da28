import { hasSlackCredentials, readConfig } from '../config/index.js';
import { EXIT_USAGE, write, type CliIo } from './cli-io.js';
import type { Command } from './command.js';
import { shellCommand } from './shell-command.js';

export const startCommand: Command = {
  name: 'start',
  synopsis: 'start',
  summary: 'serve Slack when SLACK_BOT_TOKEN is set, else open the console (what bare qlik-sessions and npm start do)',
  async run(args, io: CliIo) {
    const configured = readConfig(io.env);
    if (!configured.ok) {
      await write(io.stderr, `qlik-sessions: the configuration is not valid:\n${configured.errors.map((error) => `  - ${error}\n`).join('')}`);
      return EXIT_USAGE;
    }
    if (hasSlackCredentials(configured.config)) {
      // Imported when needed: the command table imports this command, so a top-level import would be circular.
      const { COMMANDS } = await import('./commands.js');
      const serve = COMMANDS.find((command) => command.name === 'serve');
      if (serve === undefined) {
        await write(io.stderr, 'qlik-sessions: SLACK_BOT_TOKEN is set, but Slack serving is not available in this build. Unset SLACK_BOT_TOKEN to use the local console.\n');
        return EXIT_USAGE;
      }
      return serve.run(args, io);
    }
    await write(io.stderr, 'Slack is not connected: set SLACK_BOT_TOKEN and SLACK_APP_TOKEN (see README "Install in your workspace"). Opening the local console.\n');
    return shellCommand.run(args, io);
  },
};
