import type { App } from '@slack/bolt';

/** Why a signed body cannot be an event we could handle, or null when it looks like one. */
function malformed(body: unknown): string | null {
  if (typeof body !== 'object' || body === null) return 'the body is not an object';
  const record = body as Record<string, unknown>;
  if (!('event' in record)) return null;
  const { event } = record;
  if (typeof event !== 'object' || event === null || Array.isArray(event))
    return `"event" is ${event === null ? 'null' : typeof event}`;
  if (typeof (event as Record<string, unknown>)['type'] !== 'string') return '"event" has no type';
  return null;
}

/**
 * A signed delivery with `"event": null` made Bolt throw, so the receiver answered 500 and Slack retried it for ever:
 * such bodies are acknowledged and ignored (after the signature check, before any listener).
 */
export function ignoreMalformedEvents(app: App, onIgnored: (reason: string) => void): void {
  const processEvent = app.processEvent.bind(app);
  app.processEvent = async (event) => {
    const reason = malformed(event.body);
    if (reason === null) return processEvent(event);
    onIgnored(reason);
    await event.ack();
  };
}
