import { containsQlikLogLines, QLIK_TIMESTAMP_PATTERN } from '../../core/logs/index.js';

/**
 * Whether a piped line belongs to a pasted log. Rows without a session event (user sync, audit security) count
 * too: they carry a Qlik timestamp, and leaving them out would cut one paste into many messages.
 */
export function isPastedLogLine(line: string): boolean {
  return QLIK_TIMESTAMP_PATTERN.test(line) || containsQlikLogLines(line);
}
