import { quickCopy } from './copy-string.js';
import { TimeQueue } from './time-queue.js';

/** Copies of one denial in several files lie within a second of each other. */
const DENIAL_COPY_MS = 1_000;

/**
 * The same denial is written to several files (AuditSecurity_Repository, License_Repository, proxy logs): a
 * denial of a session within a second of the last one for it is a copy. Holds the last two seconds of denials.
 */
export class DenialDedup {
  private readonly recent = new Map<string, number>();
  private readonly queue = new TimeQueue<string>();

  isCopy(sessionId: string | null, at: number): boolean {
    if (sessionId === null || Number.isNaN(at)) return false;
    const last = this.recent.get(sessionId);
    if (last !== undefined && Math.abs(last - at) <= DENIAL_COPY_MS) return true;
    const id = last === undefined ? quickCopy(sessionId) : sessionId;
    this.recent.set(id, at);
    this.queue.push(at, id);
    return false;
  }

  settle(now: number): void {
    for (let at = this.queue.peekTime(); at < now - 2 * DENIAL_COPY_MS; at = this.queue.peekTime()) {
      const id = this.queue.shift();
      if (this.recent.get(id) === at) this.recent.delete(id);
    }
  }

  heldEntries(): number {
    return this.recent.size + this.queue.size;
  }
}
