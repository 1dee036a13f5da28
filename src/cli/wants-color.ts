import type { CliIo } from './cli-io.js';

/** Colour only on a terminal, and never when NO_COLOR is set to a non-empty value (https://no-color.org). */
export function wantsColor(io: Pick<CliIo, 'env' | 'stdout'>): boolean {
  return io.stdout.isTTY === true && (io.env['NO_COLOR'] ?? '') === '';
}
