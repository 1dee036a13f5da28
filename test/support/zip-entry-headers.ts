/** Where a zip header keeps the fields rewritten here: its flags (the method follows), its name's length, its name. */
const HEADERS = [
  { signature: 0x04034b50, flagsAt: 6, nameLengthAt: 26, nameAt: 30 }, // local header
  { signature: 0x02014b50, flagsAt: 8, nameLengthAt: 28, nameAt: 46 }, // central directory header
] as const;

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
  for (const { signature, flagsAt, nameLengthAt, nameAt } of HEADERS) {
    for (let at = 0; at + nameAt <= copy.length; at++) {
      if (copy.readUInt32LE(at) !== signature || copy.readUInt16LE(at + nameLengthAt) !== named.length) continue;
      if (!copy.subarray(at + nameAt, at + nameAt + named.length).equals(named)) continue;
      if (headers.flags !== undefined)
        copy.writeUInt16LE(copy.readUInt16LE(at + flagsAt) | headers.flags, at + flagsAt);
      if (headers.method !== undefined) copy.writeUInt16LE(headers.method, at + flagsAt + 2);
      patched++;
    }
  }
  if (patched !== 2) throw new Error(`expected one local and one central header for ${name}, patched ${patched}`);
  return copy;
}
