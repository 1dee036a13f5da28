/** Arguments Redis would refuse (PX 0, HINCRBY 1.5, LTRIM 0 -1 keeping all): both stores reject them the same way. */
export function checkTtl(ttlMs: number): number {
  if (!Number.isFinite(ttlMs) || ttlMs <= 0)
    throw new RangeError(`state store: ttlMs must be a positive number, got ${ttlMs}`);
  return Math.ceil(ttlMs);
}

export function checkIncrement(by: number): number {
  if (!Number.isSafeInteger(by)) throw new RangeError(`state store: increments must be whole numbers, got ${by}`);
  return by;
}

export function checkCount(name: string, count: number): number {
  if (!Number.isSafeInteger(count) || count < 1)
    throw new RangeError(`state store: ${name} must be 1 or more, got ${count}`);
  return count;
}
