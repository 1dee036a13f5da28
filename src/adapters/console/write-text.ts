import type { Writable } from 'node:stream';

/** A reader that went away (`| head`) ends our output; that is not a failure of ours. */
export const isClosedPipe = (error: unknown): boolean => (error as NodeJS.ErrnoException | null)?.code === 'EPIPE';

/** Write and wait, so a process that exits right after does not lose buffered output. */
export function writeText(output: Writable, text: string): Promise<void> {
  if (output.destroyed) return Promise.resolve();
  return new Promise((resolve, reject) =>
    output.write(text, (error) => (error && !isClosedPipe(error) ? reject(error) : resolve())),
  );
}
