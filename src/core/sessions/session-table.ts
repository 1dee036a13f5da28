import { SlotTexts } from './slot-texts.js';
import type { SessionEnding } from './timeline-fold.js';

/** How a session ended, as kept in the table (0: it has not). */
const ENDINGS: readonly (SessionEnding | null)[] = [null, 'stopped', 'timed-out', 'proxy-stopped'];
export const STOPPED = 1;
const CODES = { stopped: STOPPED, 'timed-out': 2, 'proxy-stopped': 3 } as const;

export function endingCode(ending: keyof typeof CODES): number {
  return CODES[ending];
}

export function endingOf(code: number): SessionEnding | null {
  return ENDINGS[code] ?? null;
}

/**
 * The proxy sessions the tracker holds, as numbered slots in typed arrays instead of one object each: an open
 * session lives half an hour of log time, so its object outlived every young-generation collection in between and
 * was copied by each, then promoted and left as garbage for a full collection. A slot is taken when a session is
 * opened and given back once no structure names it: the index (`indexed`) and the tracker's queues (`queued`
 * counts their entries). The arrays are replaced when the table grows, so read them through the table each time.
 */
export class SessionTable {
  user = new Int32Array(1024);
  /** The hashes of its id, noted by the index. */
  keyA = new Int32Array(1024);
  keyB = new Int32Array(1024);
  /** NaN when opened before the excerpt. */
  opened = new Float64Array(1024);
  /** NaN while open. */
  closedAt = new Float64Array(1024);
  /** `endingCode` of how it ended; 0 while open. */
  ending = new Uint8Array(1024);
  /** The proxy node, as the tracker numbers them; -1 when no line named it. */
  node = new Int16Array(1024);
  indexed = new Uint8Array(1024);
  queued = new Uint8Array(1024);
  /** The first client address a line gave it (`setClient`), and that address's hash. */
  readonly clients = new SlotTexts();
  clientHash = new Int32Array(1024);
  /** The last browser seen for it: most app opens repeat it, so the user's set is skipped for them. */
  private agents: (string | null)[] = new Array<string | null>(1024).fill(null);
  private readonly free: number[] = [];
  private used = 0;

  /** A new session of `user`, opened at `opened`, on `node`; not yet indexed or queued (`release` cleared its texts). */
  open(user: number, opened: number, node: number): number {
    const slot = this.free.length > 0 ? (this.free.pop() as number) : this.take();
    this.user[slot] = user;
    this.keyA[slot] = 0;
    this.keyB[slot] = 0;
    this.opened[slot] = opened;
    this.closedAt[slot] = Number.NaN;
    this.ending[slot] = 0;
    this.node[slot] = node;
    this.indexed[slot] = 0;
    this.queued[slot] = 0;
    return slot;
  }

  setClient(slot: number, client: string, hash: number): void {
    this.clients.set(slot, client);
    this.clientHash[slot] = hash;
  }

  userAgent(slot: number): string | null {
    return this.agents[slot] ?? null;
  }

  setUserAgent(slot: number, agent: string): void {
    this.agents[slot] = agent;
  }

  /** A queue entry naming the slot was taken off: the slot is given back once nothing names it. */
  dequeued(slot: number): void {
    this.queued[slot] = (this.queued[slot] as number) - 1;
    this.release(slot);
  }

  /** The index let go of the slot (or never held it): given back once nothing names it. */
  unindexed(slot: number): void {
    this.indexed[slot] = 0;
    this.release(slot);
  }

  /** A session nothing may hold (one without an id) is given back once its line is done with it. */
  forget(slot: number): void {
    this.release(slot);
  }

  /** Slots taken, held by sessions or free: the table's size follows the most sessions held at once. */
  get capacity(): number {
    return this.used;
  }

  private release(slot: number): void {
    if (this.indexed[slot] === 0 && this.queued[slot] === 0) {
      this.clients.clear(slot);
      this.agents[slot] = null;
      this.free.push(slot);
    }
  }

  private take(): number {
    const slot = this.used++;
    if (slot === this.user.length) this.grow(slot * 2);
    this.clients.ensure(this.used);
    return slot;
  }

  private grow(size: number): void {
    const grown = <T extends Int32Array | Float64Array | Uint8Array | Int16Array>(array: T, make: (n: number) => T) => {
      const copy = make(size);
      copy.set(array);
      return copy;
    };
    this.user = grown(this.user, (n) => new Int32Array(n));
    this.keyA = grown(this.keyA, (n) => new Int32Array(n));
    this.keyB = grown(this.keyB, (n) => new Int32Array(n));
    this.opened = grown(this.opened, (n) => new Float64Array(n));
    this.closedAt = grown(this.closedAt, (n) => new Float64Array(n));
    this.ending = grown(this.ending, (n) => new Uint8Array(n));
    this.node = grown(this.node, (n) => new Int16Array(n));
    this.indexed = grown(this.indexed, (n) => new Uint8Array(n));
    this.queued = grown(this.queued, (n) => new Uint8Array(n));
    this.clientHash = grown(this.clientHash, (n) => new Int32Array(n));
    const agents = new Array<string | null>(size).fill(null);
    for (let index = 0; index < this.agents.length; index++) agents[index] = this.agents[index] ?? null;
    this.agents = agents;
  }
}
