import type * as Zod from 'zod';

export interface DecimalBounds {
  /** Shown in the message, e.g. `3000`. */
  readonly example: string;
  readonly min: number;
  readonly max: number;
  readonly integer?: boolean;
  /** `seconds`, `megabytes`, ...; port numbers need none. */
  readonly unit?: string;
  /** What the value is, when the unit does not say it (`a port number`). */
  readonly what?: string;
  /** Why the maximum, in a few words (`10 minutes`). */
  readonly why?: string;
}

/** Plain decimal digits only: Number() would also take 0x50 (80), 1e9, Infinity and a blank. */
const DECIMAL = /^\d+(?:\.\d+)?$/;
const WHOLE = /^\d+$/;

/** A numeric setting written in digits and kept within bounds, with a message that names the variable and the fix. */
export function decimalSetting(z: typeof Zod, variable: string, bounds: DecimalBounds) {
  const what =
    bounds.what ??
    (bounds.unit === undefined
      ? bounds.integer === true
        ? 'a whole number'
        : 'a number'
      : `a number of ${bounds.unit}`);
  const range = `between ${bounds.min} and ${bounds.max}${bounds.why === undefined ? '' : ` (${bounds.why})`}`;
  return z
    .string()
    .regex(bounds.integer === true ? WHOLE : DECIMAL, {
      error: `${variable} must be ${what} in plain digits, such as ${bounds.example}`,
    })
    .transform(Number)
    .pipe(
      z
        .number()
        .min(bounds.min, { error: `${variable} must be ${range}` })
        .max(bounds.max, { error: `${variable} must be ${range}` }),
    );
}
