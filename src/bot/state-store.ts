/** State that must survive a restart or be shared by replicas. Keys are namespaced by the caller ("dedup:", ...). */
export interface StateStore {
  /** Sets `key` only if absent, for `ttlMs`; true when this call set it (the first claim wins, across replicas). */
  claim(key: string, ttlMs: number): Promise<boolean>;
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, ttlMs?: number): Promise<void>; // no ttl = kept (bounded by the memory store's size cap)
  delete(key: string): Promise<void>;
  /** Adds `by` to a numeric field of a hash (feedback counts); returns the new value. */
  incrementField(hash: string, field: string, by?: number): Promise<number>;
  readFields(hash: string): Promise<Record<string, number>>;
  /** Prepends `value` to a capped list (recent alerts), keeping the newest `keep`. */
  pushRecent(list: string, value: string, keep: number): Promise<void>;
  readRecent(list: string, count: number): Promise<string[]>;
  close(): Promise<void>;
}
