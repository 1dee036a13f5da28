/**
 * A copy of `zip` whose entry `name` says it was compressed by `method` and carries `flags` (bit 0: encrypted),
 * in its local header and its central directory alike: what another archiver (7-Zip's Deflate64, bzip2, a
 * password) would have written, for a reader that must refuse such an entry before it looks at its data.
 */
export function withEntryHeaders(
  zip: Uint8Array,
  name: string,
  headers: { readonly method?: number; readonly flags?: number },
): Buffer {
  const copy = Buffer.from(zip);
  const named = Buffer.from(name);
  let patched = 0;
  // A local header names the entry at offset 30, a central directory header at offset 46.
  for (const [signature, nameAt] of [
    [0x04034b50, 30],
    [0x02014b50, 46],
  ] as const) {
    const flagsAt = signature === 0x04034b50 ? 6 : 8;
    for (let at = 0; at + nameAt <= copy.length - 4; at++) {
      if (copy.readUInt32LE(at) !== signature) continue;
      const nameLength = copy.readUInt16LE(at + nameAt - (signature === 0x04034b50 ? 4 : 18));
      if (nameLength !== named.length || !copy.subarray(at + nameAt, at + nameAt + nameLength).equals(named)) continue;
      if (headers.flags !== undefined)
        copy.writeUInt16LE(copy.readUInt16LE(at + flagsAt) | headers.flags, at + flagsAt);
      if (headers.method !== undefined) copy.writeUInt16LE(headers.method, at + flagsAt + 2);
      patched++;
    }
  }
  if (patched !== 2) throw new Error(`expected one local and one central header for ${name}, patched ${patched}`);
  return copy;
}
