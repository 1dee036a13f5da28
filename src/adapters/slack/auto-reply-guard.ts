/**
 * Keeps unrequested replies polite: at most one per thread, and at most one per channel per cooldown, so a
 * flood of people pasting the same error gets one answer, not fifty.
 */
export class AutoReplyGuard {
  private readonly lastInChannel = new Map<string, number>();
  private readonly threads = new Set<string>();

  constructor(
    private readonly now: () => number,
    private readonly cooldownMs = 2 * 60 * 1000,
    private readonly maxThreads = 10_000,
  ) {}

  /** Claims the right to auto-reply in this thread; false when it was already used or the channel is cooling down. */
  claim(channel: string, thread: string): boolean {
    const threadKey = `${channel}:${thread}`;
    if (this.threads.has(threadKey)) return false;
    const at = this.now();
    const last = this.lastInChannel.get(channel);
    if (last !== undefined && at - last < this.cooldownMs) return false;
    this.lastInChannel.set(channel, at);
    if (this.threads.size >= this.maxThreads) {
      const oldest = this.threads.values().next();
      if (oldest.done !== true) this.threads.delete(oldest.value);
    }
    this.threads.add(threadKey);
    return true;
  }

  /** A thread where the bot already answered: later unrequested replies there are not wanted. */
  markAnswered(channel: string, thread: string): void {
    this.threads.add(`${channel}:${thread}`);
  }
}
