import { SlotTexts } from './slot-texts.js';
import type { RecordedSession, SessionEnding } from './timeline-fold.js';

const ENDINGS: readonly SessionEnding[] = ['stopped', 'timed-out', 'assumed-timeout', 'open-at-end', 'proxy-stopped'];
const CODES: Readonly<Record<SessionEnding, number>> = {
  stopped: 0,
  'timed-out': 1,
  'assumed-timeout': 2,
  'open-at-end': 3,
  'proxy-stopped': 4,
};

/**
 * The sessions the timeline picture keeps, as numbered records in typed arrays. A kept session lives until the end
 * of the analysis or until a trim drops it: as an object and a string of its client it outlived young-generation
 * collections, which copied both and then promoted them (76,000 of each on a 300 MB folder). The client's characters
 * are copied from the session table's bytes, so no string is made until the picture is drawn. A record's number is
 * given back with `release` and taken again by the next `add`.
 */
export class PicturedSessions {
  private starts = new Float64Array(1024);
  private ends = new Float64Array(1024);
  private endings = new Uint8Array(1024);
  private nodes: (string | null)[] = [];
  private readonly clients = new SlotTexts();
  /** The browser shown instead of a client address, for records without one. */
  private readonly agents = new Map<number, string>();
  private readonly free: number[] = [];
  private used = 0;

  /** A new record; its client is what `clients` holds at `clientSlot`, or else `userAgent`. */
  add(
    start: number,
    end: number,
    ending: SessionEnding,
    node: string | null,
    clients: SlotTexts,
    clientSlot: number,
    userAgent: string | null,
  ): number {
    const record = this.free.length > 0 ? (this.free.pop() as number) : this.take();
    this.starts[record] = start;
    this.ends[record] = end;
    this.endings[record] = CODES[ending];
    this.nodes[record] = node;
    this.clients.copy(record, clients, clientSlot);
    if (!this.clients.has(record) && userAgent !== null) this.agents.set(record, userAgent);
    return record;
  }

  start(record: number): number {
    return this.starts[record] as number;
  }

  end(record: number): number {
    return this.ends[record] as number;
  }

  release(record: number): void {
    this.clients.clear(record);
    this.agents.delete(record);
    this.nodes[record] = null;
    this.free.push(record);
  }

  /** The record as the picture draws it. */
  session(record: number): RecordedSession {
    return {
      start: this.starts[record] as number,
      end: this.ends[record] as number,
      ending: ENDINGS[this.endings[record] as number] as SessionEnding,
      node: this.nodes[record] ?? null,
      client: this.clients.text(record) ?? this.agents.get(record) ?? null,
    };
  }

  private take(): number {
    const record = this.used++;
    if (record === this.starts.length) {
      const size = record * 2;
      this.starts = grown(this.starts, new Float64Array(size));
      this.ends = grown(this.ends, new Float64Array(size));
      this.endings = grown(this.endings, new Uint8Array(size));
    }
    this.clients.ensure(this.used);
    return record;
  }
}

function grown<T extends Float64Array | Uint8Array>(array: T, larger: T): T {
  larger.set(array);
  return larger;
}
