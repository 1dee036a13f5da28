import type { Command } from './command.js';

/**
 * Each command's module, loaded only when that command runs, so `ask` does not load the console, the analyzer or
 * the chart renderer. The same names, in the same order, as COMMANDS (a test keeps them equal).
 */
export const COMMAND_LOADERS: Readonly<Record<string, () => Promise<Command>>> = {
  start: async () => (await import('./start-command.js')).startCommand,
  serve: async () => (await import('./serve-command.js')).serveCommand,
  shell: async () => (await import('./shell-command.js')).shellCommand,
  analyze: async () => (await import('./analyze-command.js')).analyzeCommand,
  ask: async () => (await import('./ask-command.js')).askCommand,
  kb: async () => (await import('./kb-command.js')).kbCommand,
  sessions: async () => (await import('./sessions-command.js')).sessionsCommand,
  licenses: async () => (await import('./licenses-command.js')).licensesCommand,
  end: async () => (await import('./end-command.js')).endCommand,
  doctor: async () => (await import('./doctor-command.js')).doctorCommand,
  why: async () => (await import('./why-command.js')).whyCommand,
  watch: async () => (await import('./watch-command.js')).watchCommand,
};
