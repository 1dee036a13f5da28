import { limitInlining } from './inlining-budget.js';
import { capYoungGeneration } from './young-generation-cap.js';

/**
 * What a process that runs one analysis and then exits sets before it starts: a young generation held at 16 MB and
 * a smaller inlining budget (each module says why). The `analyze` command and the bench's child process both call
 * this one function, so the bench always measures what the command does.
 */
export function tuneForOneAnalysis(): void {
  capYoungGeneration();
  limitInlining();
}
