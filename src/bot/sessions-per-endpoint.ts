import { virtualProxyColumn, type LiveSession } from '../core/live/index.js';
import type { FactsTable } from './reply.js';

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

/** The counts as the facts table of the sessions and end replies. */
export function endpointTable(counts: readonly EndpointCount[]): FactsTable {
  return {
    columns: ['proxy', 'virtual proxy', 'sessions'],
    rows: counts.map((row) => [row.proxy, virtualProxyColumn(row.virtualProxy), String(row.count)]),
  };
}
