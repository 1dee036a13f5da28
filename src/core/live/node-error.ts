/** A node or virtual proxy that did not answer; its part of a total is missing. */
export interface NodeError {
  readonly proxy: string;
  readonly virtualProxy: string;
  readonly message: string;
}
