/**
 * An input whose bytes stop making sense part way (gzip data damaged or cut short, as a copy of a file still being
 * written is): the lines before the damage are analysed, and the reply names the input and the problem.
 */
export class DamagedInputError extends Error {
  constructor(readonly problem: string) {
    super(problem);
    this.name = 'DamagedInputError';
  }
}
