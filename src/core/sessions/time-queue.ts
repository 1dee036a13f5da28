/**
 * A first-in first-out queue of values with the instant each was pushed for. Pushed in time order, so the head is
 * always the oldest: what has expired is shifted off the front. The instants are in a typed array and the values in
 * an array of fixed length, both kept when the queue empties and compacted in place when the tail reaches their end:
 * a queue that fills and drains all the time (as the tracker's do, once per line) allocates nothing once warm.
 */
export class TimeQueue<T> {
  private times: Float64Array;
  private items: (T | undefined)[];
  private head = 0;
  private tail = 0;

  constructor(capacity = 8) {
    this.times = new Float64Array(capacity);
    this.items = new Array<T | undefined>(capacity).fill(undefined);
  }

  get size(): number {
    return this.tail - this.head;
  }

  push(at: number, item: T): void {
    if (this.tail === this.times.length) this.makeRoom();
    this.times[this.tail] = at;
    this.items[this.tail] = item;
    this.tail++;
  }

  /** The instant of the oldest value; +Infinity when empty, so `while (queue.peekTime() < limit)` loops stop. */
  peekTime(): number {
    return this.head < this.tail ? (this.times[this.head] as number) : Number.POSITIVE_INFINITY;
  }

  /** Removes and returns the oldest value; only call when `size > 0`. */
  shift(): T {
    const item = this.items[this.head] as T;
    this.items[this.head] = undefined;
    this.head++;
    if (this.head === this.tail) this.head = this.tail = 0;
    return item;
  }

  /** The instant of the `index`-th oldest value (0 = the head). */
  timeAt(index: number): number {
    return this.times[this.head + index] as number;
  }

  /** The `index`-th oldest value (0 = the head). */
  itemAt(index: number): T {
    return this.items[this.head + index] as T;
  }

  *values(): IterableIterator<T> {
    for (let index = this.head; index < this.tail; index++) yield this.items[index] as T;
  }

  clear(): void {
    this.items.fill(undefined, this.head, this.tail);
    this.head = this.tail = 0;
  }

  /** Moves the values to the front when the head has passed half the space, else doubles it. */
  private makeRoom(): void {
    const size = this.tail - this.head;
    if (this.head * 2 >= this.times.length) {
      this.times.copyWithin(0, this.head, this.tail);
      this.items.copyWithin(0, this.head, this.tail);
      this.items.fill(undefined, size, this.tail);
    } else {
      const times = new Float64Array(this.times.length * 2);
      times.set(this.times.subarray(this.head, this.tail));
      const items = new Array<T | undefined>(this.times.length * 2).fill(undefined);
      for (let index = 0; index < size; index++) items[index] = this.items[this.head + index];
      this.times = times;
      this.items = items;
    }
    this.head = 0;
    this.tail = size;
  }
}
