import type { LiveSession } from '../core/live/index.js';

export interface EndpointCount {
  readonly proxy: string;
  readonly virtualProxy: string;
  readonly count: number;
}

/** A user's live sessions counted per proxy node and virtual proxy, in the order they were first seen. */
export function sessionsPerEndpoint(sessions: readonly LiveSession[]): EndpointCount[] {
  const counts = new Map<string, { proxy: string; virtualProxy: string; count: number }>();
  for (const session of sessions) {
    const key = `${session.proxy}\u0000${session.virtualProxy}`;
    const row = counts.get(key) ?? { proxy: session.proxy, virtualProxy: session.virtualProxy, count: 0 };
    row.count += 1;
    counts.set(key, row);
  }
  return [...counts.values()];
}
