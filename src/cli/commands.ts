import { analyzeCommand } from './analyze-command.js';
import { askCommand } from './ask-command.js';
import type { Command } from './command.js';
import { doctorCommand } from './doctor-command.js';
import { endCommand } from './end-command.js';
import { kbCommand } from './kb-command.js';
import { licensesCommand } from './licenses-command.js';
import { serveCommand } from './serve-command.js';
import { sessionsCommand } from './sessions-command.js';
import { shellCommand } from './shell-command.js';
import { startCommand } from './start-command.js';
import { watchCommand } from './watch-command.js';
import { whyCommand } from './why-command.js';

/** Every sub-command, in the order the usage text lists them. */
export const COMMANDS: readonly Command[] = [
  startCommand,
  serveCommand,
  shellCommand,
  analyzeCommand,
  askCommand,
  kbCommand,
  sessionsCommand,
  licensesCommand,
  endCommand,
  doctorCommand,
  whyCommand,
  watchCommand,
];
