import { analyzeCommand } from './analyze-command.js';
import type { Command } from './command.js';
import { doctorCommand } from './doctor-command.js';
import { endCommand } from './end-command.js';
import { licensesCommand } from './licenses-command.js';
import { sessionsCommand } from './sessions-command.js';

/** Every sub-command, in the order the usage text lists them. */
export const COMMANDS: readonly Command[] = [
  analyzeCommand,
  sessionsCommand,
  licensesCommand,
  endCommand,
  doctorCommand,
];
