/**
 * FNV-1a over the UTF-16 code units, cut to 30 bits so V8 keeps it a small integer (fast as a Map key): clients
 * are counted and matched by hash, never kept as strings. Two of a user's few dozen clients colliding is about
 * one in a million.
 */
export function clientHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  return (hash >>> 0) & 0x3fffffff;
}
