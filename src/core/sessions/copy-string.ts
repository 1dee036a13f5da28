/**
 * A flat copy of `text`: a value cut from a log line is a V8 sliced string that keeps its whole line alive, so every
 * string the analysis keeps past its line is copied first.
 */
export function copyString(text: string): string {
  return (' ' + text).slice(1);
}
