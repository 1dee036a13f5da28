/**
 * Proxy sessions by id without keeping the id: each id is reduced to two independent 32-bit hashes (FNV-1a and
 * a multiply-xorshift hash), and the pair is the key of an open-addressing table in typed arrays, whose values are
 * the sessions' slots in the tracker's table. No string of the input is copied or retained per session, and a
 * lookup allocates nothing. Two ids of the sessions held at once sharing both hashes is about one in 10^11 for ten
 * thousand sessions.
 */
export class SessionIndex {
  private hashA = new Int32Array(1024);
  private hashB = new Int32Array(1024);
  /** -1: an empty slot. */
  private slots = new Int32Array(1024).fill(-1);
  private mask = 1023;
  private count = 0;
  /** The id hashed last and its hashes: a new session is looked up, then added under the same id. */
  private lastId: string | null = null;
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
    const slot = this.find(id);
    return slot === -1 ? -1 : (this.slots[slot] as number);
  }

  /** Adds `value` (0 or more) under `id`, which must not be held already (`get` said so); its hashes are then `lastA`, `lastB`. */
  add(id: string, value: number): void {
    if ((this.count + 1) * 2 > this.mask + 1) this.grow();
    this.hash(id);
    this.insert(this.a, this.b, value);
  }

  /** Removes `value`, found by the hashes its id had; false when it is not held. */
  remove(a: number, b: number, value: number): boolean {
    for (let slot = this.home(a, b); ; slot = (slot + 1) & this.mask) {
      const held = this.slots[slot] as number;
      if (held === -1) return false;
      if (held === value) {
        this.removeAt(slot);
        return true;
      }
    }
  }

  /** Every value held, in no particular order. Do not add or remove while iterating. */
  *values(): IterableIterator<number> {
    for (const value of this.slots) if (value !== -1) yield value;
  }

  clear(): void {
    this.slots.fill(-1);
    this.count = 0;
  }

  private home(a: number, b: number): number {
    return (a ^ (b >>> 7)) & this.mask;
  }

  private hash(id: string): void {
    if (id === this.lastId) return;
    this.lastId = id;
    let a = 0x811c9dc5;
    let b = 0x9e3779b9 ^ id.length;
    for (let index = 0; index < id.length; index++) {
      const code = id.charCodeAt(index);
      a = Math.imul(a ^ code, 0x01000193);
      b = Math.imul(b ^ code, 0x5bd1e995);
      b ^= b >>> 15;
    }
    this.a = a | 0;
    this.b = b | 0;
  }

  private find(id: string): number {
    this.hash(id);
    const { a, b, mask } = this;
    for (let slot = this.home(a, b); ; slot = (slot + 1) & mask) {
      if (this.slots[slot] === -1) return -1;
      if (this.hashA[slot] === a && this.hashB[slot] === b) return slot;
    }
  }

  private insert(a: number, b: number, value: number): void {
    let slot = this.home(a, b);
    while (this.slots[slot] !== -1) slot = (slot + 1) & this.mask;
    this.hashA[slot] = a;
    this.hashB[slot] = b;
    this.slots[slot] = value;
    this.count++;
  }

  /** Linear probing's backward-shift deletion: no tombstones, so lookups stay short however many come and go. */
  private removeAt(slot: number): void {
    const mask = this.mask;
    this.slots[slot] = -1;
    this.count--;
    let hole = slot;
    for (let next = (slot + 1) & mask; this.slots[next] !== -1; next = (next + 1) & mask) {
      const home = this.home(this.hashA[next] as number, this.hashB[next] as number);
      // The value at `next` may move into the hole unless its home lies cyclically in (hole, next].
      const stays = hole <= next ? hole < home && home <= next : hole < home || home <= next;
      if (stays) continue;
      this.hashA[hole] = this.hashA[next] as number;
      this.hashB[hole] = this.hashB[next] as number;
      this.slots[hole] = this.slots[next] as number;
      this.slots[next] = -1;
      hole = next;
    }
  }

  private grow(): void {
    const { hashA, hashB, slots: values } = this;
    const capacity = (this.mask + 1) * 2;
    this.hashA = new Int32Array(capacity);
    this.hashB = new Int32Array(capacity);
    this.slots = new Int32Array(capacity).fill(-1);
    this.mask = capacity - 1;
    this.count = 0;
    for (let slot = 0; slot < values.length; slot++) {
      const value = values[slot] as number;
      if (value !== -1) this.insert(hashA[slot] as number, hashB[slot] as number, value);
    }
  }
}
