/**
 * A first-in first-out queue of values with the instant each was pushed for. Pushed in time order, so the head is
 * always the oldest: what has expired is shifted off the front. Arrays with a moving head, compacted now and then,
 * because `Array.prototype.shift` copies the whole array.
 */
export class TimeQueue<T> {
  private times: number[] = [];
  private items: T[] = [];
  private head = 0;

  get size(): number {
    return this.times.length - this.head;
  }

  push(at: number, item: T): void {
    this.times.push(at);
    this.items.push(item);
  }

  /** The instant of the oldest value; +Infinity when empty, so `while (queue.peekTime() < limit)` loops stop. */
  peekTime(): number {
    return this.head < this.times.length ? (this.times[this.head] as number) : Number.POSITIVE_INFINITY;
  }

  /** Removes and returns the oldest value; only call when `size > 0`. */
  shift(): T {
    const item = this.items[this.head] as T;
    this.items[this.head] = undefined as T;
    this.head++;
    if (this.head === this.times.length) this.clear();
    else if (this.head >= 1024 && this.head * 2 >= this.times.length) {
      this.times = this.times.slice(this.head);
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
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
    for (let index = this.head; index < this.items.length; index++) yield this.items[index] as T;
  }

  clear(): void {
    this.times.length = 0;
    this.items.length = 0;
    this.head = 0;
  }
}
