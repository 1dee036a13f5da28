// A reference for the tests: the peak over all the sessions at once, against which the streaming folds are checked.
/** An interval of a session: NaN `opened` = before the excerpt, NaN `closed` = still open at its end. */
export interface SessionSpan {
  readonly opened: number;
  readonly closed: number;
}

export interface Peak {
  readonly peak: number;
  /** When the peak was first reached; -Infinity when it was already reached before the excerpt. */
  readonly peakAt: number;
}

/**
 * The largest number of sessions open at one instant and when it was first reached. A session that closes at
 * the very instant another opens is not counted as parallel with it.
 */
export function peakParallel(spans: readonly SessionSpan[]): Peak {
  const count = spans.length;
  if (count === 0) return { peak: 0, peakAt: Number.NaN };
  const opens = new Float64Array(count);
  const closes = new Float64Array(count);
  for (let index = 0; index < count; index++) {
    const span = spans[index] as SessionSpan;
    opens[index] = Number.isNaN(span.opened) ? Number.NEGATIVE_INFINITY : span.opened;
    closes[index] = Number.isNaN(span.closed) ? Number.POSITIVE_INFINITY : span.closed;
  }
  opens.sort();
  closes.sort();
  let open = 0;
  let peak = 0;
  let peakAt = Number.NaN;
  let closeIndex = 0;
  for (let openIndex = 0; openIndex < count; openIndex++) {
    const at = opens[openIndex] as number;
    while (closeIndex < count && (closes[closeIndex] as number) <= at) {
      closeIndex++;
      open--;
    }
    open++;
    if (open > peak) {
      peak = open;
      peakAt = at;
    }
  }
  return { peak, peakAt };
}
