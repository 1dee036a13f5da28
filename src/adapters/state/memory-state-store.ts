import type { StateStore } from '../../bot/index.js';
import { checkCount, checkIncrement, checkTtl } from './check-store-arguments.js';

type Held =
  | { readonly kind: 'value'; readonly value: string }
  | { readonly kind: 'hash'; readonly fields: Map<string, number> }
  | { readonly kind: 'list'; items: string[] };

interface Entry {
  readonly held: Held;
  readonly expiresAt: number | undefined;
}

export interface MemoryStateStoreOptions {
  /** Milliseconds since the epoch; injected so tests move time instead of waiting. */
  readonly now?: () => number;
  /** Upper bound on keys held; past it the oldest written key goes first (expired ones before that). */
  readonly maxKeys?: number;
}

// Room for a burst ten times the size that once pushed live de-dup keys out early.
export const DEFAULT_MAX_KEYS = 100_000;
// A full sweep for expired keys at most once a minute keeps writes cheap on a big map.
const SWEEP_EVERY_MS = 60_000;

/** The single-process store: every key with a TTL is forgotten when it expires, and the whole map is capped. */
export function createMemoryStateStore(options: MemoryStateStoreOptions = {}): StateStore {
  const now = options.now ?? Date.now;
  const maxKeys = checkCount('maxKeys', options.maxKeys ?? DEFAULT_MAX_KEYS);
  const entries = new Map<string, Entry>();
  let lastSweep = now();
  let closed = false;

  const isLive = (entry: Entry, at: number): boolean => entry.expiresAt === undefined || entry.expiresAt > at;

  function sweep(at: number): void {
    lastSweep = at;
    for (const [key, entry] of entries) if (!isLive(entry, at)) entries.delete(key);
  }

  function live(key: string): Entry | undefined {
    if (closed) throw new Error('state store: used after close()');
    const entry = entries.get(key);
    if (entry === undefined) return undefined;
    if (isLive(entry, now())) return entry;
    entries.delete(key);
    return undefined;
  }

  function write(key: string, held: Held, ttlMs: number | undefined): void {
    const at = now();
    // Re-inserting moves the key to the young end, so size eviction drops what was written longest ago.
    entries.delete(key);
    if (at - lastSweep >= SWEEP_EVERY_MS || entries.size >= maxKeys) sweep(at);
    while (entries.size >= maxKeys) {
      const oldest = entries.keys().next();
      if (oldest.done === true) break;
      entries.delete(oldest.value);
    }
    entries.set(key, { held, expiresAt: ttlMs === undefined ? undefined : at + ttlMs });
  }

  function wrongKind(key: string, held: Held, wanted: Held['kind']): never {
    throw new TypeError(`state store: key "${key}" holds a ${held.kind}, not a ${wanted}`);
  }

  return {
    async claim(key, ttlMs) {
      const ttl = checkTtl(ttlMs);
      if (live(key) !== undefined) return false;
      write(key, { kind: 'value', value: '1' }, ttl);
      return true;
    },
    async get(key) {
      const entry = live(key);
      if (entry === undefined) return undefined;
      return entry.held.kind === 'value' ? entry.held.value : wrongKind(key, entry.held, 'value');
    },
    async set(key, value, ttlMs) {
      const ttl = ttlMs === undefined ? undefined : checkTtl(ttlMs);
      live(key);
      write(key, { kind: 'value', value }, ttl);
    },
    async delete(key) {
      live(key);
      entries.delete(key);
    },
    async incrementField(hash, field, by = 1) {
      const step = checkIncrement(by);
      const entry = live(hash);
      if (entry === undefined) {
        write(hash, { kind: 'hash', fields: new Map([[field, step]]) }, undefined);
        return step;
      }
      if (entry.held.kind !== 'hash') return wrongKind(hash, entry.held, 'hash');
      const value = (entry.held.fields.get(field) ?? 0) + step;
      entry.held.fields.set(field, value);
      return value;
    },
    async readFields(hash) {
      const entry = live(hash);
      if (entry === undefined) return {};
      if (entry.held.kind !== 'hash') return wrongKind(hash, entry.held, 'hash');
      return Object.fromEntries(entry.held.fields);
    },
    async pushRecent(list, value, keep) {
      const kept = checkCount('keep', keep);
      const entry = live(list);
      if (entry === undefined) {
        write(list, { kind: 'list', items: [value] }, undefined);
        return;
      }
      if (entry.held.kind !== 'list') return wrongKind(list, entry.held, 'list');
      entry.held.items = [value, ...entry.held.items.slice(0, kept - 1)];
    },
    async readRecent(list, count) {
      const wanted = checkCount('count', count);
      const entry = live(list);
      if (entry === undefined) return [];
      if (entry.held.kind !== 'list') return wrongKind(list, entry.held, 'list');
      return entry.held.items.slice(0, wanted);
    },
    async close() {
      closed = true;
      entries.clear();
    },
  };
}
