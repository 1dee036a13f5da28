/**
 * Proxy sessions by id without keeping the id: each id is reduced to two independent 32-bit hashes (MurmurHash3's
 * and MurmurHash2's mixing, over pairs of UTF-16 units), and the pair is the key of an open-addressing table in a
 * typed array, whose values are the sessions' slots in the tracker's table. No string of the input is copied or
 * retained per session, and a lookup allocates nothing. Two ids of the sessions held at once sharing both hashes is
 * about one in 10^11 for ten thousand sessions.
 */
/**
 * Each entry is three numbers in one array: hash A, hash B and the value (-1: empty), so a probe reads one cache
 * line.
 */
const STRIDE = 3;
const EMPTY = -1;

export class SessionIndex {
  private entries = SessionIndex.emptyEntries(1024);
  private mask = 1023;
  private count = 0;
  /** The hashes of the id hashed last: a new session is looked up, then added under the same id. */
  private a = 0;
  private b = 0;

  get size(): number {
    return this.count;
  }

  /** The hashes of the id looked up or added last, which `remove` takes. */
  get lastA(): number {
    return this.a;
  }

  get lastB(): number {
    return this.b;
  }

  /** The value held under `id`, or -1. */
  get(id: string): number {
    const entry = this.find(id);
    return entry === -1 ? -1 : (this.entries[entry + 2] as number);
  }

  /**
   * Adds `value` (0 or more) under `id`, which must not be held already (`get` said so); its hashes are then
   * `lastA`, `lastB`.
   */
  add(id: string, value: number): void {
    this.hash(id);
    this.addMissed(value);
  }

  /**
   * Adds `value` under the id the last `get` did not find, without hashing it again. Telling that it is the same id
   * by comparing the strings cost more than the hash: two equal-length slices of log lines are compared by the
   * engine's runtime, outside the optimised code.
   */
  addMissed(value: number): void {
    if ((this.count + 1) * 2 > this.mask + 1) this.grow();
    this.insert(this.a, this.b, value);
  }

  /** Removes `value`, found by the hashes its id had; false when it is not held. */
  remove(a: number, b: number, value: number): boolean {
    const entries = this.entries;
    for (let slot = this.home(a, b); ; slot = (slot + 1) & this.mask) {
      const held = entries[slot * STRIDE + 2] as number;
      if (held === EMPTY) return false;
      if (held === value) {
        this.removeAt(slot);
        return true;
      }
    }
  }

  /** Every value held, in no particular order. Do not add or remove while iterating. */
  *values(): IterableIterator<number> {
    const entries = this.entries;
    for (let entry = 2; entry < entries.length; entry += STRIDE) {
      const value = entries[entry] as number;
      if (value !== EMPTY) yield value;
    }
  }

  clear(): void {
    this.entries = SessionIndex.emptyEntries(this.mask + 1);
    this.count = 0;
  }

  private static emptyEntries(capacity: number): Int32Array {
    const entries = new Int32Array(capacity * STRIDE);
    for (let entry = 2; entry < entries.length; entry += STRIDE) entries[entry] = EMPTY;
    return entries;
  }

  private home(a: number, b: number): number {
    return (a ^ (b >>> 7)) & this.mask;
  }

  /**
   * Two units of the id per step (a step's multiplications are the cost, and each waits for the last), mixed into
   * both hashes, each finished with its own avalanche so the low bits that pick the home slot depend on every unit.
   */
  private hash(id: string): void {
    const length = id.length;
    let a = 0x811c9dc5 ^ length;
    let b = 0x9e3779b9;
    let index = 0;
    for (; index + 1 < length; index += 2) {
      const word = id.charCodeAt(index) | (id.charCodeAt(index + 1) << 16);
      a ^= murmur3Block(word);
      a = (a << 13) | (a >>> 19);
      a = (Math.imul(a, 5) + 0xe6546b64) | 0;
      b = Math.imul(b ^ word, 0x5bd1e995);
      b ^= b >>> 15;
    }
    if (index < length) {
      const unit = id.charCodeAt(index);
      a ^= murmur3Block(unit);
      b = Math.imul(b ^ unit, 0x5bd1e995);
      b ^= b >>> 15;
    }
    a ^= a >>> 16;
    a = Math.imul(a, 0x85ebca6b);
    a ^= a >>> 13;
    a = Math.imul(a, 0xc2b2ae35);
    a ^= a >>> 16;
    b ^= b >>> 13;
    b = Math.imul(b, 0x5bd1e995);
    b ^= b >>> 15;
    this.a = a | 0;
    this.b = b | 0;
  }

  /** Where in `entries` the entry of `id` starts, or -1. */
  private find(id: string): number {
    this.hash(id);
    const { a, b, mask, entries } = this;
    for (let slot = this.home(a, b); ; slot = (slot + 1) & mask) {
      const entry = slot * STRIDE;
      if (entries[entry + 2] === EMPTY) return -1;
      if (entries[entry] === a && entries[entry + 1] === b) return entry;
    }
  }

  private insert(a: number, b: number, value: number): void {
    const entries = this.entries;
    let slot = this.home(a, b);
    while (entries[slot * STRIDE + 2] !== EMPTY) slot = (slot + 1) & this.mask;
    const entry = slot * STRIDE;
    entries[entry] = a;
    entries[entry + 1] = b;
    entries[entry + 2] = value;
    this.count++;
  }

  /** Linear probing's backward-shift deletion: no tombstones, so lookups stay short however many come and go. */
  private removeAt(slot: number): void {
    const { mask, entries } = this;
    entries[slot * STRIDE + 2] = EMPTY;
    this.count--;
    let hole = slot;
    for (let next = (slot + 1) & mask; entries[next * STRIDE + 2] !== EMPTY; next = (next + 1) & mask) {
      const from = next * STRIDE;
      const home = this.home(entries[from] as number, entries[from + 1] as number);
      // The value at `next` may move into the hole unless its home lies cyclically in (hole, next].
      const stays = hole <= next ? hole < home && home <= next : hole < home || home <= next;
      if (stays) continue;
      entries.copyWithin(hole * STRIDE, from, from + STRIDE);
      entries[from + 2] = EMPTY;
      hole = next;
    }
  }

  private grow(): void {
    const old = this.entries;
    const capacity = (this.mask + 1) * 2;
    this.entries = SessionIndex.emptyEntries(capacity);
    this.mask = capacity - 1;
    this.count = 0;
    for (let entry = 0; entry < old.length; entry += STRIDE) {
      const value = old[entry + 2] as number;
      if (value !== EMPTY) this.insert(old[entry] as number, old[entry + 1] as number, value);
    }
  }
}

/** MurmurHash3's mixing of one 32-bit block before it joins the hash. */
function murmur3Block(block: number): number {
  let k = Math.imul(block, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  return Math.imul(k, 0x1b873593);
}
