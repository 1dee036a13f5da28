/** How people name a virtual proxy prefix; the empty prefix is the default one. */
export function virtualProxyLabel(prefix: string): string {
  return prefix === '' ? 'default virtual proxy' : `virtual proxy "${prefix}"`;
}

/** The prefix in a table's virtual proxy column. */
export function virtualProxyColumn(prefix: string): string {
  return prefix === '' ? '(default)' : prefix;
}
