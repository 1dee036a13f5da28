/** Sentences in plain text: a full stop, ! or ? followed by a capital or an opening quote starts a new one ("e.g. a" does not). */
export function countSentences(text: string): number {
  const trimmed = text.trim();
  if (trimmed === '') return 0;
  return trimmed.split(/(?<=[.!?]["”’)]?)\s+(?=["“‘(`*]?[A-Z0-9])/).length;
}
