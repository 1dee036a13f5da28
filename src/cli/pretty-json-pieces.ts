/**
 * `JSON.stringify(value, null, 2)` in pieces: the arrays and objects of the first `depth` levels are walked here,
 * everything below them stringified whole, so a report of 20,000 users is written a finding at a time instead of
 * as one string of 16 MB (and its bytes again on the way out). The pieces joined are exactly the one string.
 */
export function* prettyJsonPieces(value: unknown, depth = 2, indent = ''): Generator<string> {
  if (depth > 0 && Array.isArray(value) && value.length > 0) {
    const inner = `${indent}  `;
    yield '[';
    for (let index = 0; index < value.length; index++) {
      yield `${index === 0 ? '' : ','}\n${inner}`;
      // As JSON.stringify does, what has no JSON form (undefined, a function) is null in an array.
      if (jsonForm(value[index]) === undefined) yield 'null';
      else yield* prettyJsonPieces(value[index], depth - 1, inner);
    }
    yield `\n${indent}]`;
    return;
  }
  if (depth > 0 && isPlainObject(value)) {
    const inner = `${indent}  `;
    let first = true;
    for (const [key, member] of Object.entries(value)) {
      // ...and it leaves such members of an object out.
      if (jsonForm(member) === undefined) continue;
      yield `${first ? '{' : ','}\n${inner}${JSON.stringify(key)}: `;
      first = false;
      yield* prettyJsonPieces(member, depth - 1, inner);
    }
    yield first ? '{}' : `\n${indent}}`;
    return;
  }
  const text = JSON.stringify(value, null, 2) as string | undefined;
  // Literal newlines in JSON text are only its layout (those in strings are escaped): each gets this level's indent.
  yield indent === '' ? (text ?? 'null') : (text ?? 'null').replaceAll('\n', `\n${indent}`);
}

/** Plain data objects only: anything with a toJSON or another prototype is stringified whole, as JSON would. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return (prototype === Object.prototype || prototype === null) && !('toJSON' in value);
}

function jsonForm(value: unknown): unknown {
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return undefined;
  return value;
}
