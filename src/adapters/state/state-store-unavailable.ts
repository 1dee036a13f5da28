/** The shared store could not be reached or did not answer in time; callers decide whether to degrade or refuse. */
export class StateStoreUnavailable extends Error {
  override readonly name = 'StateStoreUnavailable';
  readonly code = 'state-store-unavailable';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
