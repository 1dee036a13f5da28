import { Buffer } from 'node:buffer';
import { quickCopy } from './copy-string.js';

/** Characters kept in place per slot, a byte each; longer texts and any beyond Latin-1 (rare for an address) stay strings. */
const WIDTH = 48;
const NONE = -1;
const LONG = -2;

/**
 * One short text per numbered slot, its characters copied into a byte array: a session's client address lives as
 * long as the session (half an hour and more), and as a string it was three heap objects per session that every
 * young-generation collection copied and then promoted. Here it is no object at all until someone asks for it.
 */
export class SlotTexts {
  /** Latin-1 bytes: a text is made again from them in one call, and nearly every address is ASCII. */
  private bytes = Buffer.alloc(1024 * WIDTH);
  private lengths = new Int16Array(1024).fill(NONE);
  private readonly long = new Map<number, string>();

  /** Makes room for slots below `count`. */
  ensure(count: number): void {
    if (count <= this.lengths.length) return;
    const size = Math.max(count, this.lengths.length * 2);
    const bytes = Buffer.alloc(size * WIDTH);
    this.bytes.copy(bytes);
    const lengths = new Int16Array(size).fill(NONE);
    lengths.set(this.lengths);
    this.bytes = bytes;
    this.lengths = lengths;
  }

  has(slot: number): boolean {
    return this.lengths[slot] !== NONE;
  }

  set(slot: number, text: string): void {
    const bytes = this.bytes;
    const base = slot * WIDTH;
    if (text.length <= WIDTH) {
      let index = 0;
      for (; index < text.length; index++) {
        const code = text.charCodeAt(index);
        if (code > 255) break;
        bytes[base + index] = code;
      }
      if (index === text.length) {
        this.lengths[slot] = text.length;
        return;
      }
    }
    this.lengths[slot] = LONG;
    this.long.set(slot, quickCopy(text));
  }

  /** Gives `slot` the text `from` holds at `fromSlot` (or none), copying its bytes: no string is made. */
  copy(slot: number, from: SlotTexts, fromSlot: number): void {
    const length = from.lengths[fromSlot] as number;
    if (this.lengths[slot] === LONG) this.long.delete(slot);
    this.lengths[slot] = length;
    if (length === LONG) this.long.set(slot, from.long.get(fromSlot) as string);
    else {
      // A loop: Buffer's copy costs more in its checks than the few bytes of an address take.
      const bytes = this.bytes;
      const source = from.bytes;
      const base = slot * WIDTH;
      const fromBase = fromSlot * WIDTH;
      for (let index = 0; index < length; index++) bytes[base + index] = source[fromBase + index] as number;
    }
  }

  clear(slot: number): void {
    if (this.lengths[slot] === LONG) this.long.delete(slot);
    this.lengths[slot] = NONE;
  }

  /** Whether the slot holds exactly `text`, compared in place. */
  equals(slot: number, text: string): boolean {
    const length = this.lengths[slot] as number;
    if (length === LONG) return this.long.get(slot) === text;
    if (length !== text.length) return false;
    const bytes = this.bytes;
    const base = slot * WIDTH;
    for (let index = 0; index < length; index++) if (bytes[base + index] !== text.charCodeAt(index)) return false;
    return true;
  }

  /** The slot's text as a new string, or null when it holds none. */
  text(slot: number): string | null {
    const length = this.lengths[slot] as number;
    if (length === NONE) return null;
    if (length === LONG) return this.long.get(slot) ?? null;
    const base = slot * WIDTH;
    return this.bytes.toString('latin1', base, base + length);
  }

  /** Texts held as strings (long, or beyond Latin-1): the only part that grows with what the slots hold. */
  heldEntries(): number {
    return this.long.size;
  }
}
