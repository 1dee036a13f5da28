/**
 * Remembers what was already handled, for a while: Slack retries deliveries, and one message can arrive as
 * both `message` and `app_mention`. Bolt does not de-duplicate.
 */
export class DeliveryDedup {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly now: () => number,
    private readonly ttlMs = 60 * 60 * 1000,
    private readonly maxEntries = 10_000,
  ) {}

  /** True the first time a key is seen within the TTL; false for repeats. */
  firstTime(key: string): boolean {
    const at = this.now();
    this.evict(at);
    const seenAt = this.seen.get(key);
    if (seenAt !== undefined && at - seenAt < this.ttlMs) return false;
    this.seen.set(key, at);
    return true;
  }

  private evict(at: number): void {
    for (const [key, seenAt] of this.seen) {
      if (at - seenAt < this.ttlMs && this.seen.size <= this.maxEntries) break;
      this.seen.delete(key);
    }
  }
}

export const eventKey = (eventId: string): string => `event:${eventId}`;
export const messageKey = (channel: string, ts: string): string => `message:${channel}:${ts}`;
