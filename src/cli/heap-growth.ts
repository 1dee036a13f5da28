import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets the heap grow past what the last full collection kept, in percent. By default it grows up to four
 * times the live heap between collections; an analysis keeps ~20 to 40 MB live but makes garbage fast, so peak
 * memory was mostly garbage waiting. Doubling at most held a 300 MB analysis 20 to 35 MB lower for ~3% more
 * instructions (callgrind, held-60mb); half again at most holds a 300 MB analysis of 20,000 users another ~10 MB
 * lower for 1.8% more (callgrind, sessions-30mb). The flag is read at each collection, so setting it at run time
 * takes effect.
 */
const HEAP_GROWING_PERCENT = 50;

/** Called once by the command before any work: analyses, the console and `serve` (and its analysis workers). */
export function limitHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
