/**
 * Where the bytes of an input that can be read only once (stdin) are kept while it is read, for a second reading
 * when its lines turn out to come as several runs in time order. The CLI keeps them in a temporary file.
 */
export interface Spill {
  write(chunk: Uint8Array): Promise<void> | void;
  /** What was written, from byte `from` on: a later run of lines is read from where it starts. */
  chunks(from?: number): AsyncIterable<Uint8Array>;
}

export type SpillFactory = () => Spill;

/** In memory: for pastes and shared files, which are in memory anyway (and capped). */
export const memorySpill: SpillFactory = () => {
  const kept: Uint8Array[] = [];
  return {
    write: (chunk) => {
      kept.push(chunk);
    },
    chunks: async function* (from = 0) {
      let offset = 0;
      for (const chunk of kept) {
        if (offset + chunk.length > from) yield offset >= from ? chunk : chunk.subarray(from - offset);
        offset += chunk.length;
      }
    },
  };
};
