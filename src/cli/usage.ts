import type { Command } from './command.js';

export function usage(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((command) => command.synopsis.length), 10);
  const lines = commands.map((command) => `  qlik-sessions ${command.synopsis.padEnd(width)}  ${command.summary}`);
  return [
    'qlik-sessions: diagnose Qlik Sense "too many sessions active in parallel" from Slack, a console or the command line.',
    '',
    'Usage:',
    ...lines,
    '',
    'Every command answers --help and --version.',
    '',
    'Exit status: 0 when the command did its work, 2 for bad usage, unreadable input or unreachable services, 1 for bugs.',
    '',
  ].join('\n');
}
