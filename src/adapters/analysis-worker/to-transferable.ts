/** A chunk as it goes to the worker: bytes by transfer (moved, not copied by postMessage), text as it is. */
export interface Transferable {
  readonly data: ArrayBuffer | string;
  readonly transfer: ArrayBuffer[];
  readonly bytes: number;
}

/**
 * Moves the chunk's memory to the worker. A chunk that owns its whole ArrayBuffer is moved as it is (it is consumed
 * here, nobody reads it again); a view into a shared one (Node's buffer pool, a zlib or socket buffer) is first
 * copied into one of its own, since moving the shared buffer would take its neighbours with it.
 */
export function toTransferable(chunk: Uint8Array | string): Transferable {
  if (typeof chunk === 'string') return { data: chunk, transfer: [], bytes: Buffer.byteLength(chunk) };
  const { buffer, byteOffset, byteLength } = chunk;
  if (buffer instanceof ArrayBuffer && byteOffset === 0 && byteLength === buffer.byteLength) {
    return { data: buffer, transfer: [buffer], bytes: byteLength };
  }
  const copy = new Uint8Array(byteLength);
  copy.set(chunk);
  return { data: copy.buffer, transfer: [copy.buffer], bytes: byteLength };
}
