// The values of a row's columns as the parser gives them, shared by the row read from its line and the row read in
// place in its chunk.

/** Audit rows with these commands never say anything about sessions or licences; they are dropped unread. */
const SKIPPED_COMMANDS: ReadonlySet<string> = new Set([
  'Close connection',
  'Add session',
  'Get ticket',
  'Get session',
  'Sync user directory',
  'License maintenance',
  'Audit security',
]);

/** The lengths of the skipped commands: most rows' command (`Login`) is none of them and is never cut out. */
const SKIPPED_LENGTHS: ReadonlySet<number> = new Set([...SKIPPED_COMMANDS].map((command) => command.length));

/** Whether the `Description` column `[start, end)` of `text` is `Command=<one of SKIPPED_COMMANDS>;...`, looked at in place. */
export function isSkippedCommandAt(text: string, start: number, end: number): boolean {
  if (!text.startsWith('Command=', start)) return false;
  const semicolon = text.indexOf(';', start + 8);
  // The command runs to the first `;` of the column, or without one to its last character but one (as ever).
  const commandEnd = semicolon !== -1 && semicolon < end ? semicolon : end - 1;
  return SKIPPED_LENGTHS.has(commandEnd - start - 8) && SKIPPED_COMMANDS.has(text.slice(start + 8, commandEnd));
}

/** `DIRECTORY\\id` from the two user columns; null when either is missing. */
export function userOf(directory: string | undefined, id: string | undefined): string | null {
  if (directory === undefined || id === undefined || directory === '' || id === '') return null;
  if (id.includes('\\')) return id;
  return `${directory}\\${id}`;
}

export function orNull(text: string | undefined): string | null {
  return text === undefined || text === '' ? null : text;
}

/** `ProxySessionId` 0 is an internal command, not a session (reference section 1.1). */
export function sessionIdOf(text: string | undefined): string | null {
  return text === undefined || text === '' || text === '0' ? null : text;
}
