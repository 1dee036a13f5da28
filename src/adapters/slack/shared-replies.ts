import { randomUUID } from 'node:crypto';
import type { Reply } from '../../bot/index.js';

/**
 * Ephemeral answers kept for their "Share in channel" button: the button carries a short id, not the request,
 * so a long pasted excerpt is neither cut to the 2000-character button limit nor analysed twice.
 */
export class SharedReplies {
  private readonly replies = new Map<string, { readonly reply: Reply; readonly at: number }>();

  constructor(
    private readonly now: () => number,
    // Slack's response_url stops working after 30 minutes; the share button cannot outlive it.
    private readonly ttlMs = 30 * 60 * 1000,
    private readonly maxEntries = 1000,
  ) {}

  keep(reply: Reply): string {
    const at = this.now();
    for (const [id, kept] of this.replies) {
      if (at - kept.at < this.ttlMs && this.replies.size < this.maxEntries) break;
      this.replies.delete(id);
    }
    const id = randomUUID();
    this.replies.set(id, { reply, at });
    return id;
  }

  /** The reply, once: sharing it again would post it twice. */
  take(id: string): Reply | undefined {
    const kept = this.replies.get(id);
    this.replies.delete(id);
    return kept !== undefined && this.now() - kept.at < this.ttlMs ? kept.reply : undefined;
  }
}
