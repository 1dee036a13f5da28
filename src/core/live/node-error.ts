import { virtualProxyLabel } from './virtual-proxy-label.js';

/** A node or virtual proxy that did not answer; its part of a total is missing. */
export interface NodeError {
  readonly proxy: string;
  readonly virtualProxy: string;
  readonly message: string;
}

/** `https://qs2:4243 (virtual proxy "sales"): why`, one line of a list of nodes that did not answer. */
export function nodeErrorLine(error: NodeError): string {
  return `${error.proxy} (${virtualProxyLabel(error.virtualProxy)}): ${error.message}`;
}
