/** `1 session`, `2 sessions`: a count with its noun; `many` for plurals that are not the noun plus "s". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
