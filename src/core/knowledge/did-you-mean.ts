import { editDistance } from './edit-distance.js';

/**
 * The one candidate a mistyped word most likely meant ("hlep" -> "help", "five-sesion-limit" ->
 * "five-session-limit"), or undefined when none is close: at most one edit for short words, two from six
 * letters, three from fifteen; a tie between two candidates suggests neither.
 */
export function didYouMean(input: string, candidates: readonly string[]): string | undefined {
  const word = input.trim().toLowerCase();
  if (word === '') return undefined;
  const limit = word.length >= 15 ? 3 : word.length >= 6 ? 2 : 1;
  let best: string | undefined;
  let bestDistance = limit + 1;
  let tie = false;
  for (const candidate of new Set(candidates)) {
    const distance = editDistance(word, candidate.toLowerCase(), limit);
    if (distance === 0) return candidate;
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
      tie = false;
    } else if (distance === bestDistance) {
      tie = true;
    }
  }
  return best === undefined || tie ? undefined : best;
}
