/** The Qlik API health an admin sees in App Home: are the APIs set up, do the nodes answer, when does the certificate run out. */
export interface QlikNodeStatus {
  readonly url: string;
  readonly answering: boolean;
  /** Why not, in words an admin can act on; empty when answering. */
  readonly detail: string;
}

export interface QlikApiStatus {
  readonly configured: boolean;
  /** Settings still to set when not configured. */
  readonly missing: readonly string[];
  readonly nodes: readonly QlikNodeStatus[];
  /** ISO 8601 UTC, or null when the certificate could not be read. */
  readonly certificateValidTo: string | null;
  readonly certificateDetail: string;
}
