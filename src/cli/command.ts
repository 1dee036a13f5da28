import type { CliIo } from './cli-io.js';

/** One sub-command of `qlik-sessions`; returns the exit status. */
export interface Command {
  readonly name: string;
  /** One line for the usage text, e.g. `analyze [PATH...|-] [--json]`. */
  readonly synopsis: string;
  readonly summary: string;
  /** More lines for `qlik-sessions NAME --help`, after the synopsis and summary. */
  readonly details?: string;
  readonly run: (args: readonly string[], io: CliIo) => Promise<number>;
}
