/**
 * A flat copy of `text`: a value cut from a log line is a V8 sliced string that keeps its whole line alive, so every
 * string the analysis keeps past its line is copied first. JSON's parser builds the copy as one new flat string;
 * slicing a concatenation (`(' ' + text).slice(1)`) would keep a slice and the string it slices, twice the memory.
 */
export function copyString(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}
