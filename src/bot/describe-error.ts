/** Error detail for log lines: the message of an Error (the Slack SDK puts the API error code there), never a body. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 300);
  return 'non-Error thrown';
}
