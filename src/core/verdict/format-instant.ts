/** ISO 8601 UTC for the JSON contract, or null for an unknown instant. */
export function isoOrNull(at: number): string | null {
  return Number.isFinite(at) ? new Date(at).toISOString() : null;
}

/** An instant for people: `2019-02-01 03:59:29 UTC` (milliseconds only matter to machines). */
export function formatInstant(at: number): string {
  if (!Number.isFinite(at)) return 'an unknown time';
  return `${new Date(at).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}
