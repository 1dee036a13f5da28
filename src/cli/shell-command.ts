import { parseArgs } from 'node:util';
import { isPastedLogLine, runConsole } from '../adapters/console/index.js';
import { loadKnowledgeBase } from '../adapters/knowledge-files/index.js';
import { createLiveQlik, isLiveQlikConfigured } from '../adapters/qlik/index.js';
import { createBot } from '../bot/index.js';
import { readConfig } from '../config/index.js';
import { EXIT_OK, EXIT_USAGE, write, type CliIo } from './cli-io.js';
import type { Command } from './command.js';
import { wantsColor } from './wants-color.js';

export const shellCommand: Command = {
  name: 'shell',
  synopsis: 'shell [--no-color]',
  summary: 'the bot in this terminal, typed as in Slack; reads piped stdin to the end',
  async run(args, io: CliIo) {
    let noColor: boolean;
    try {
      noColor = parseArgs({ args: [...args], options: { 'no-color': { type: 'boolean', default: false } }, allowPositionals: false }).values['no-color'];
    } catch (error) {
      await write(io.stderr, `qlik-sessions shell: ${error instanceof Error ? error.message : String(error)}\nUsage: qlik-sessions shell [--no-color]\n`);
      return EXIT_USAGE;
    }
    const configured = readConfig(io.env, { cwd: io.cwd });
    if (!configured.ok) {
      await write(io.stderr, `qlik-sessions shell: the configuration is not valid:\n${configured.errors.map((error) => `  - ${error}\n`).join('')}`);
      return EXIT_USAGE;
    }
    const { config } = configured;
    const loaded = await loadKnowledgeBase({ siteDir: config.qlik.kbDir });
    if (!loaded.ok) {
      await write(io.stderr, `qlik-sessions shell: ${loaded.error}\nFix the entry (or unset QLIK_KB_DIR) and try again.\n`);
      return EXIT_USAGE;
    }
    const bot = createBot({
      knowledge: loaded.knowledge,
      serviceAccounts: config.qlik.serviceAccounts,
      maxFileBytes: config.slack.maxFileBytes,
      live: isLiveQlikConfigured(config.qlik) ? createLiveQlik(config.qlik, { logger: { warn: (text) => void write(io.stderr, `${text}\n`) } }) : undefined,
      // Whoever runs the console on the server is its operator.
      isAdmin: () => true,
    });
    await runConsole({
      bot,
      input: io.stdin,
      output: io.stdout,
      color: !noColor && wantsColor(io),
      isLogLine: isPastedLogLine,
    });
    return EXIT_OK;
  },
};
