import { normalizePastedLine } from './normalize-pasted-line.js';
import { parseLogLine, newLineContext } from './parse-log-line.js';

/** Prose that quotes the hub error or says "UsageDenied" never carries these shapes; real log lines always do. */
const QUICK_SHAPES =
  /\d{8}T\d{6}\.\d{3}|SessionID: |Sequence#|got session|Start session for user|Stop session for user|due to inactivity|is invalid \(possibly|NoAvailableAccessType/;

/**
 * True when the text holds at least one recognisable Qlik Sense log line in any shape (full row, header-less row,
 * TABs as spaces, Slack-escaped, in fences, the Message column alone). Cheap: a quick look, then a parse of the
 * lines that pass it, stopping at the first one.
 */
export function containsQlikLogLines(text: string): boolean {
  if (!QUICK_SHAPES.test(text)) return false;
  const context = newLineContext();
  let found = false;
  for (const raw of text.split('\n')) {
    const line = normalizePastedLine(raw);
    if (!QUICK_SHAPES.test(line)) continue;
    const outcome = parseLogLine(line, context, () => {
      found = true;
    });
    if (found || outcome !== null) return true;
  }
  return false;
}
