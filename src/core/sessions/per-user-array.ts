type NumberArray = Float64Array | Int32Array | Uint16Array | Uint8Array;

/**
 * `array` when it has a slot for `size` users, else a copy twice as long (or just long enough) made by `make`,
 * which also sets what a new user's slot starts as. The folds keep one figure per user in typed arrays like this.
 */
export function perUserArray<T extends NumberArray>(array: T, size: number, make: (length: number) => T): T {
  if (size <= array.length) return array;
  const grown = make(Math.max(size, array.length * 2));
  grown.set(array);
  return grown;
}
