const FENCE = '```';

/**
 * A line as a person may paste it: BOM, CR, Slack's `&amp;` `&lt;` `&gt;`, a quote marker `>`, triple-backtick
 * fences (with chat text before or after them on the same line) all removed. TABs are kept: they tell full rows from loose text.
 */
export function normalizePastedLine(raw: string): string {
  let line = raw;
  if (line.charCodeAt(0) === 0xfeff) line = line.slice(1);
  if (line.includes(FENCE)) {
    // The row is the longest piece between fences; chat text beside a fence is shorter than any Qlik row.
    let longest = '';
    for (const piece of line.split(FENCE)) if (piece.length > longest.length) longest = piece;
    line = longest;
  }
  // Text copied out of Slack (into the console, a file, stdin) keeps Slack's entities; `&amp;` last, so `&amp;lt;` is `&lt;`.
  if (line.includes('&')) line = line.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  line = trimSpaces(line);
  // A Slack quote ("> row") keeps the row after its marker.
  return line.charCodeAt(0) === 62 /* > */ ? trimSpaces(line.slice(1)) : line;
}

/** Spaces and line ends only: TABs at the ends are empty columns and must stay. */
function trimSpaces(line: string): string {
  let start = 0;
  let end = line.length;
  while (start < end && isSpace(line.charCodeAt(start))) start++;
  while (end > start && isSpace(line.charCodeAt(end - 1))) end--;
  return start === 0 && end === line.length ? line : line.slice(start, end);
}

function isSpace(code: number): boolean {
  return code === 32 || code === 13 || code === 10;
}
