/**
 * An input whose bytes stop making sense part way (gzip data damaged or cut short, as a copy of a file still being
 * written is): the lines before the damage are analysed, and the reply names the input and the problem. An input
 * that cannot be read at all (a zip entry compressed by another method, or encrypted) is `unreadable`: named, not read.
 */
export class DamagedInputError extends Error {
  constructor(
    readonly problem: string,
    readonly unreadable = false,
  ) {
    super(problem);
    this.name = 'DamagedInputError';
  }
}
