/** One thing to analyse: a file stream, a gunzipped stream, or a pasted Slack message as one string chunk. */
export interface LogInput {
  readonly name: string;
  readonly chunks: Iterable<Uint8Array | string> | AsyncIterable<Uint8Array | string>;
  /**
   * `chunks` can be iterated again from the start (a file opened anew each time; arrays always can): a second
   * reading then comes from the input itself rather than from a spill.
   */
  readonly reopenable?: boolean;
  /** The input's bytes by position, when it is a file: a zip archive is then read where its entries lie. */
  readonly ranges?: ByteRanges;
}

/**
 * A file's bytes by position, so that a zip archive on disk is read entry by entry, its central directory first,
 * instead of whole into memory (a Log Collector zip of a busy site is hundreds of megabytes).
 */
export interface ByteRanges {
  size(): Promise<number>;
  /** The bytes `[start, end)`, fewer where the file ends. */
  read(start: number, end: number): Promise<Uint8Array>;
  /**
   * The bytes `[start, end)` as chunks, inflated from raw DEFLATE when `deflated`; a stream that stops inflating
   * gives what came out and then DamagedInputError(DAMAGED_ZIP_ENTRY).
   */
  chunks(start: number, end: number, deflated: boolean): AsyncIterable<Uint8Array>;
}
