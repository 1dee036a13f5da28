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
 * arrays with a moving head: no node is allocated per event.
 */
export class EventQueue {
  private keys: number[] = [];
  private ranks: number[] = [];
  private events: LogEvent[] = [];
  private head = 0;

  get size(): number {
    return this.keys.length - this.head;
  }

  /** The instant of the oldest event; +Infinity when empty. */
  peekKey(): number {
    return this.head < this.keys.length ? (this.keys[this.head] as number) : Number.POSITIVE_INFINITY;
  }

  peekRank(): number {
    return this.ranks[this.head] ?? 0;
  }

  push(key: number, event: LogEvent): void {
    const rank = rankOf(event);
    let index = this.keys.length;
    this.keys.push(key);
    this.ranks.push(rank);
    this.events.push(event);
    while (index > this.head) {
      const before = this.keys[index - 1] as number;
      if (before < key || (before === key && (this.ranks[index - 1] as number) <= rank)) break;
      this.keys[index] = before;
      this.ranks[index] = this.ranks[index - 1] as number;
      this.events[index] = this.events[index - 1] as LogEvent;
      index--;
    }
    this.keys[index] = key;
    this.ranks[index] = rank;
    this.events[index] = event;
  }

  /** Removes and returns the oldest event; only call when `size > 0`. */
  shift(): LogEvent {
    const event = this.events[this.head] as LogEvent;
    this.events[this.head] = undefined as unknown as LogEvent;
    this.head++;
    if (this.head === this.keys.length) {
      this.keys.length = 0;
      this.ranks.length = 0;
      this.events.length = 0;
      this.head = 0;
    } else if (this.head >= 4096 && this.head * 2 >= this.keys.length) {
      this.keys = this.keys.slice(this.head);
      this.ranks = this.ranks.slice(this.head);
      this.events = this.events.slice(this.head);
      this.head = 0;
    }
    return event;
  }
}
