import type { Reply } from './reply.js';
import { simpleReply } from './simple-reply.js';

/** `analyze` with nothing to analyse: what to paste or attach. */
export function analyzePointerReply(): Reply {
  return simpleReply(
    'pointer',
    'Paste the Qlik Sense log lines after "analyze" (a ``` block is fine), or attach the log files; "help" says which files to take.',
  );
}
