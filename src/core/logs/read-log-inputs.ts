import { LineScanner } from './line-scanner.js';
import type { LogEvent } from './log-event.js';
import type { LogInput } from './log-input.js';
import type { LogLayoutName } from './log-layout.js';
import { newLineContext, parseLogLine } from './parse-log-line.js';

/** What reading the inputs found, besides the events. */
export interface InputStats {
  lines: number;
  recognized: number;
  readonly formats: Set<LogLayoutName>;
  /** Names of inputs that were binary, not text logs: reported, never parsed. */
  readonly binaryInputs: string[];
  readonly inputNames: string[];
}

const BINARY_PROBE_BYTES = 4096;

function looksBinary(chunk: Uint8Array | string): boolean {
  if (typeof chunk === 'string') return chunk.slice(0, BINARY_PROBE_BYTES).includes('\u0000');
  const probe = chunk.subarray(0, BINARY_PROBE_BYTES);
  return probe.includes(0);
}

/** Streams every input line by line, emitting the events of the lines that matter; nothing is held whole. */
export async function readLogInputs(
  inputs: Iterable<LogInput> | AsyncIterable<LogInput>,
  emit: (event: LogEvent) => void,
): Promise<InputStats> {
  const stats: InputStats = { lines: 0, recognized: 0, formats: new Set(), binaryInputs: [], inputNames: [] };
  for await (const input of inputs) {
    stats.inputNames.push(input.name);
    const context = newLineContext();
    let engineFrom = -1;
    const scanner = new LineScanner((line) => {
      const outcome = parseLogLine(line, context, emit);
      if (outcome === null) return;
      stats.recognized++;
      if (outcome === 'header' && context.header?.name === 'Session_Engine' && input.name.includes('Session_Engine')) {
        // Engine sessions never count towards the limit: the rest of an engine log file is counted, not read.
        stats.formats.add('Session_Engine');
        scanner.countOnly = true;
        engineFrom = scanner.lines;
      }
      // A header alone does not tell AuditSecurity_Proxy from AuditSecurity_Repository: its rows name the layout.
      if (outcome !== 'header') stats.formats.add(outcome);
    });
    let first = true;
    let binary = false;
    for await (const chunk of input.chunks) {
      if (first && chunk.length > 0) {
        first = false;
        if (looksBinary(chunk)) {
          binary = true;
          stats.binaryInputs.push(input.name);
          break;
        }
      }
      scanner.push(chunk);
    }
    if (!binary) scanner.end();
    stats.lines += scanner.lines;
    if (engineFrom !== -1) stats.recognized += scanner.lines - engineFrom;
  }
  return stats;
}
