/**
 * Session starts in time order (instant, user, and a client hash where one is needed) in typed arrays used as a
 * ring: pushed at the back, dropped from the front once out of a window. Nothing is allocated per start.
 */
export class StartRing {
  private times = new Float64Array(1024);
  private users = new Int32Array(1024);
  private hashes = new Int32Array(1024);
  private head = 0;
  private count = 0;

  get size(): number {
    return this.count;
  }

  push(at: number, user: number, hash: number): void {
    if (this.count === this.times.length) this.grow();
    const slot = (this.head + this.count) % this.times.length;
    this.times[slot] = at;
    this.users[slot] = user;
    this.hashes[slot] = hash;
    this.count++;
  }

  /** The oldest start's instant; +Infinity when empty. */
  oldestTime(): number {
    return this.count === 0 ? Number.POSITIVE_INFINITY : (this.times[this.head] as number);
  }

  oldestUser(): number {
    return this.users[this.head] as number;
  }

  oldestHash(): number {
    return this.hashes[this.head] as number;
  }

  dropOldest(): void {
    this.head = (this.head + 1) % this.times.length;
    this.count--;
  }

  /** The `index`-th oldest start (0 = the oldest). */
  timeAt(index: number): number {
    return this.times[(this.head + index) % this.times.length] as number;
  }

  userAt(index: number): number {
    return this.users[(this.head + index) % this.users.length] as number;
  }

  hashAt(index: number): number {
    return this.hashes[(this.head + index) % this.hashes.length] as number;
  }

  private grow(): void {
    const length = this.times.length * 2;
    const unwrap = <T extends Float64Array | Int32Array>(array: T, make: (length: number) => T): T => {
      const grown = make(length);
      for (let index = 0; index < this.count; index++)
        grown[index] = array[(this.head + index) % array.length] as number;
      return grown;
    };
    this.times = unwrap(this.times, (n) => new Float64Array(n));
    this.users = unwrap(this.users, (n) => new Int32Array(n));
    this.hashes = unwrap(this.hashes, (n) => new Int32Array(n));
    this.head = 0;
  }
}
