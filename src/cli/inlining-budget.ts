import { setFlagsFromString } from 'node:v8';

/**
 * The most bytecode V8's optimizing compiler inlines into one function, in bytes (V8's default is 920). A one-shot
 * analysis is short enough that compiling its hot code is a large part of its cost: the compiler's background
 * threads used ~0.5 s of CPU on any input (a 30 MB analysis used 1.2 s in all, a 300 MB one 2.9 s), and a few of
 * the tracker's functions are compiled several times over as new kinds of line arrive. With 150, each compilation
 * is smaller and the code it makes is about as fast: 5% fewer instructions in all on a 100 MB folder (callgrind,
 * held-100mb; 100 and 300 gave the same within 0.5%, 50 and no inlining at all less).
 */
export const INLINED_BYTECODE_BUDGET = 150;

let limited = false;

/**
 * Called by one-shot analyses before any of their code runs hot: V8 reads the flag at each compilation, so setting
 * it at run time takes effect. Not in `serve`, whose analysis workers live long enough to repay full inlining.
 */
export function limitInlining(): void {
  if (limited) return;
  limited = true;
  setFlagsFromString(`--max-inlined-bytecode-size-cumulative=${INLINED_BYTECODE_BUDGET}`);
}
