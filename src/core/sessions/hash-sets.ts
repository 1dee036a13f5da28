import { perUserArray } from './per-user-array.js';

/** Users' blocks grow by this many at a time: most users have a client or two, a few have dozens. */
const BLOCK = 8;

/**
 * A small set of 32-bit hashes per user, capped at `cap`, all kept in typed arrays: no object per user, and the
 * memory sits outside the garbage-collected heap. A user's hashes live in one block of the pool, moved to a block
 * twice as large when full; the blocks left behind are dropped when the pool fills.
 */
export class HashSets {
  private pool = new Uint32Array(BLOCK * 256);
  private poolUsed = 0;
  /** Slots of the users' current blocks (the rest of `poolUsed` is blocks left behind). */
  private live = 0;
  /** Per user: where its block starts, its capacity, and how many hashes it holds. */
  private starts = new Int32Array(256);
  private capacities = new Uint16Array(256);
  private sizes = new Uint16Array(256);

  constructor(private readonly cap: number) {}

  sizeOf(user: number): number {
    return user < this.sizes.length ? (this.sizes[user] as number) : 0;
  }

  /** Adds `hash` to the user's set unless it is there or the set is full; true when added. */
  add(user: number, hash: number): boolean {
    this.ensureUser(user);
    const size = this.sizes[user] as number;
    // A full set takes nothing more, held or not: no need to look.
    if (size >= this.cap) return false;
    const start = this.starts[user] as number;
    for (let index = start; index < start + size; index++) if (this.pool[index] === hash) return false;
    if (size === this.capacities[user]) this.move(user, Math.min(this.cap, Math.max(BLOCK, size * 2)));
    this.pool[(this.starts[user] as number) + size] = hash;
    this.sizes[user] = size + 1;
    return true;
  }

  /** Slots of the pool in use, the users' blocks and the ones left behind alike. */
  heldEntries(): number {
    return this.poolUsed;
  }

  private move(user: number, capacity: number): void {
    if (this.poolUsed + capacity > this.pool.length) this.repack(capacity);
    const from = this.starts[user] as number;
    const size = this.sizes[user] as number;
    this.pool.copyWithin(this.poolUsed, from, from + size);
    this.live += capacity - (this.capacities[user] as number);
    this.starts[user] = this.poolUsed;
    this.capacities[user] = capacity;
    this.poolUsed += capacity;
  }

  /**
   * The pool is full: the users' blocks are copied into a fresh pool, leaving out the ones left behind. It keeps its
   * size while that frees a third of it, and otherwise grows to half as much again as what is live: for 20,000
   * users of 64 clients each, 5 MB live in a pool of at most 7.5 MB (doubling made it 16 MB).
   */
  private repack(room: number): void {
    const needed = this.live + room;
    const length = needed * 1.5 > this.pool.length ? Math.ceil(needed * 1.5) : this.pool.length;
    const pool = new Uint32Array(length);
    let used = 0;
    for (let user = 0; user < this.sizes.length; user++) {
      const capacity = this.capacities[user] as number;
      if (capacity === 0) continue;
      const start = this.starts[user] as number;
      pool.set(this.pool.subarray(start, start + (this.sizes[user] as number)), used);
      this.starts[user] = used;
      used += capacity;
    }
    this.pool = pool;
    this.poolUsed = used;
  }

  private ensureUser(user: number): void {
    if (user < this.sizes.length) return;
    this.starts = perUserArray(this.starts, user + 1, (n) => new Int32Array(n));
    this.capacities = perUserArray(this.capacities, user + 1, (n) => new Uint16Array(n));
    this.sizes = perUserArray(this.sizes, user + 1, (n) => new Uint16Array(n));
  }
}
