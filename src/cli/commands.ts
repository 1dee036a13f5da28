import { analyzeCommand } from './analyze-command.js';
import type { Command } from './command.js';

/** Every sub-command, in the order the usage text lists them. */
export const COMMANDS: readonly Command[] = [
  analyzeCommand,
];
