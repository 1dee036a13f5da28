import { copyString } from '../sessions/copy-string.js';

/** Slots of the table (a power of two); it stops taking names at half of them, so probes stay short. */
const SLOTS = 1 << 14;
const MAX_NAMES = SLOTS / 2;
const BACKSLASH = 92;

/**
 * User and node names cut from rows, given as the same string each time they come again. A busy proxy names a
 * few thousand users over millions of lines: each cut was a new string that the tracker's lookups hashed and
 * compared afresh. An interned one is a flat copy (it keeps no chunk alive) whose hash V8 keeps once computed,
 * and a lookup of the same string object is settled by identity. Past MAX_NAMES distinct names (a flood of made-up
 * ones) names are cut as before; the values are the same either way.
 */
export class InternedNames {
  private readonly hashes = new Int32Array(SLOTS);
  private readonly names: (string | undefined)[] = new Array<string | undefined>(SLOTS).fill(undefined);
  private size = 0;

  /** `text` from `from` to `end`. */
  of(text: string, from: number, end: number): string {
    const hash = hashOf(text, from, end, 0x811c9dc5);
    for (let slot = hash & (SLOTS - 1); ; slot = (slot + 1) & (SLOTS - 1)) {
      const name = this.names[slot];
      if (name === undefined) return this.add(slot, hash, text.slice(from, end));
      if (this.hashes[slot] === hash && name.length === end - from && text.startsWith(name, from)) return name;
    }
  }

  /** `DIRECTORY\id` from its two columns, as the parser joins them. */
  joined(text: string, directoryFrom: number, directoryEnd: number, idFrom: number, idEnd: number): string {
    const hash = hashOf(
      text,
      idFrom,
      idEnd,
      Math.imul(hashOf(text, directoryFrom, directoryEnd, 0x811c9dc5) ^ BACKSLASH, 0x01000193),
    );
    const directoryLength = directoryEnd - directoryFrom;
    const length = directoryLength + 1 + idEnd - idFrom;
    for (let slot = hash & (SLOTS - 1); ; slot = (slot + 1) & (SLOTS - 1)) {
      const name = this.names[slot];
      if (name === undefined)
        return this.add(slot, hash, `${text.slice(directoryFrom, directoryEnd)}\\${text.slice(idFrom, idEnd)}`);
      if (
        this.hashes[slot] === hash &&
        name.length === length &&
        name.charCodeAt(directoryLength) === BACKSLASH &&
        sameChars(name, 0, text, directoryFrom, directoryLength) &&
        sameChars(name, directoryLength + 1, text, idFrom, idEnd - idFrom)
      )
        return name;
    }
  }

  private add(slot: number, hash: number, name: string): string {
    if (this.size >= MAX_NAMES) return name;
    const copy = copyString(name);
    this.names[slot] = copy;
    this.hashes[slot] = hash;
    this.size++;
    return copy;
  }
}

/** FNV-1a over the characters `[from, end)`, on from `seed`. */
function hashOf(text: string, from: number, end: number, seed: number): number {
  let hash = seed;
  for (let at = from; at < end; at++) hash = Math.imul(hash ^ text.charCodeAt(at), 0x01000193);
  return hash | 0;
}

function sameChars(name: string, nameFrom: number, text: string, from: number, length: number): boolean {
  for (let index = 0; index < length; index++)
    if (name.charCodeAt(nameFrom + index) !== text.charCodeAt(from + index)) return false;
  return true;
}
