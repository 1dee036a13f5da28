import type { LogEvent } from './log-event.js';

/** At one instant, ends go before starts (a session that ends as another starts is not parallel with it), and an
 * invalid-cookie line before the starts it sets off. */
function rankOf(event: LogEvent): number {
  if (event.kind === 'session-closed') return 0;
  if (event.kind === 'session-invalid') return 1;
  return 2;
}

/**
 * A min-heap of events on their instant (then rank, then arrival), in parallel arrays so that no node is allocated
 * per event. The merge of several inputs puts events in and takes them out in time order.
 */
export class EventQueue {
  private readonly keys: number[] = [];
  private readonly ranks: number[] = [];
  private readonly seqs: number[] = [];
  private readonly events: LogEvent[] = [];
  private seq = 0;
  /** The most events held at once, for tests of the memory bound. */
  maxSize = 0;

  get size(): number {
    return this.keys.length;
  }

  /** The instant of the next event out; +Infinity when empty. */
  peekKey(): number {
    return this.keys.length > 0 ? (this.keys[0] as number) : Number.POSITIVE_INFINITY;
  }

  push(key: number, event: LogEvent): void {
    let index = this.keys.length;
    const rank = rankOf(event);
    const seq = this.seq++;
    this.keys.push(key);
    this.ranks.push(rank);
    this.seqs.push(seq);
    this.events.push(event);
    if (this.keys.length > this.maxSize) this.maxSize = this.keys.length;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!this.less(key, rank, seq, parent)) break;
      this.move(parent, index);
      index = parent;
    }
    this.set(index, key, rank, seq, event);
  }

  /** Removes and returns the earliest event; only call when `size > 0`. */
  pop(): LogEvent {
    const top = this.events[0] as LogEvent;
    const last = this.keys.length - 1;
    const key = this.keys[last] as number;
    const rank = this.ranks[last] as number;
    const seq = this.seqs[last] as number;
    const event = this.events[last] as LogEvent;
    this.keys.pop();
    this.ranks.pop();
    this.seqs.pop();
    this.events.pop();
    if (last === 0) return top;
    let index = 0;
    for (;;) {
      const left = 2 * index + 1;
      if (left >= last) break;
      const right = left + 1;
      const child = right < last && this.lessAt(right, left) ? right : left;
      if (!this.lessThan(child, key, rank, seq)) break;
      this.move(child, index);
      index = child;
    }
    this.set(index, key, rank, seq, event);
    return top;
  }

  private less(key: number, rank: number, seq: number, at: number): boolean {
    const other = this.keys[at] as number;
    if (key !== other) return key < other;
    const otherRank = this.ranks[at] as number;
    if (rank !== otherRank) return rank < otherRank;
    return seq < (this.seqs[at] as number);
  }

  private lessThan(at: number, key: number, rank: number, seq: number): boolean {
    const own = this.keys[at] as number;
    if (own !== key) return own < key;
    const ownRank = this.ranks[at] as number;
    if (ownRank !== rank) return ownRank < rank;
    return (this.seqs[at] as number) < seq;
  }

  private lessAt(a: number, b: number): boolean {
    return this.lessThan(a, this.keys[b] as number, this.ranks[b] as number, this.seqs[b] as number);
  }

  private move(from: number, to: number): void {
    this.keys[to] = this.keys[from] as number;
    this.ranks[to] = this.ranks[from] as number;
    this.seqs[to] = this.seqs[from] as number;
    this.events[to] = this.events[from] as LogEvent;
  }

  private set(index: number, key: number, rank: number, seq: number, event: LogEvent): void {
    this.keys[index] = key;
    this.ranks[index] = rank;
    this.seqs[index] = seq;
    this.events[index] = event;
  }
}
