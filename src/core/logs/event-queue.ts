import type { LogEvent } from './log-event.js';

/**
 * At one instant, ends go before starts (a session that ends as another starts is not parallel with it), and an
 * invalid-cookie line before the starts it sets off.
 */
function rankOf(event: LogEvent): number {
  if (event.kind === 'session-closed') return 0;
  if (event.kind === 'session-invalid') return 1;
  return 2;
}

/**
 * The events of one input stream in time order (then rank). Lines of one log arrive almost in order, so an event
 * is appended, or moved back past the few later ones (threads writing at once); taking the oldest is O(1). Parallel
 * arrays with a moving head, kept when the queue empties (it does for nearly every line) and compacted in place:
 * nothing is allocated per event once warm.
 */
export class EventQueue {
  private keys = new Float64Array(64);
  private ranks = new Uint8Array(64);
  private events: (LogEvent | undefined)[] = new Array<LogEvent | undefined>(64).fill(undefined);
  private head = 0;
  private tail = 0;

  get size(): number {
    return this.tail - this.head;
  }

  /** The instant of the oldest event; +Infinity when empty. */
  peekKey(): number {
    return this.head < this.tail ? (this.keys[this.head] as number) : Number.POSITIVE_INFINITY;
  }

  peekRank(): number {
    return this.head < this.tail ? (this.ranks[this.head] as number) : 0;
  }

  push(key: number, event: LogEvent): void {
    if (this.tail === this.keys.length) this.makeRoom();
    const rank = rankOf(event);
    const { keys, ranks, events } = this;
    let index = this.tail++;
    while (index > this.head) {
      const before = keys[index - 1] as number;
      if (before < key || (before === key && (ranks[index - 1] as number) <= rank)) break;
      keys[index] = before;
      ranks[index] = ranks[index - 1] as number;
      events[index] = events[index - 1];
      index--;
    }
    keys[index] = key;
    ranks[index] = rank;
    events[index] = event;
  }

  /** Removes and returns the oldest event; only call when `size > 0`. */
  shift(): LogEvent {
    const event = this.events[this.head] as LogEvent;
    this.events[this.head] = undefined;
    this.head++;
    if (this.head === this.tail) this.head = this.tail = 0;
    return event;
  }

  /** Moves the events to the front when the head has passed half the space, else doubles it. */
  private makeRoom(): void {
    const size = this.tail - this.head;
    if (this.head * 2 >= this.keys.length) {
      this.keys.copyWithin(0, this.head, this.tail);
      this.ranks.copyWithin(0, this.head, this.tail);
      this.events.copyWithin(0, this.head, this.tail);
      this.events.fill(undefined, size, this.tail);
    } else {
      const capacity = this.keys.length * 2;
      const keys = new Float64Array(capacity);
      keys.set(this.keys.subarray(this.head, this.tail));
      const ranks = new Uint8Array(capacity);
      ranks.set(this.ranks.subarray(this.head, this.tail));
      const events = new Array<LogEvent | undefined>(capacity).fill(undefined);
      for (let index = 0; index < size; index++) events[index] = this.events[this.head + index];
      this.keys = keys;
      this.ranks = ranks;
      this.events = events;
    }
    this.head = 0;
    this.tail = size;
  }
}
