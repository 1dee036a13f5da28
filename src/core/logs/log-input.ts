/** One thing to analyse: a file stream, a gunzipped stream, or a pasted Slack message as one string chunk. */
export interface LogInput {
  readonly name: string;
  readonly chunks: Iterable<Uint8Array | string> | AsyncIterable<Uint8Array | string>;
}
