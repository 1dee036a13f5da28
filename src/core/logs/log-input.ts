/** One thing to analyse: a file stream, a gunzipped stream, or a pasted Slack message as one string chunk. */
export interface LogInput {
  readonly name: string;
  readonly chunks: Iterable<Uint8Array | string> | AsyncIterable<Uint8Array | string>;
  /**
   * `chunks` can be iterated again from the start (a file opened anew each time; arrays always can): a second
   * reading then comes from the input itself rather than from a spill.
   */
  readonly reopenable?: boolean;
}
