/** Why nothing could be answered at all (no node reachable, certificates missing, ...): says the cause and the fix. */
export interface LiveFailure {
  readonly code: string;
  readonly message: string;
}

export type LiveResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: LiveFailure };
