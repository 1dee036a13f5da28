/** How a file's name says it may hold Qlik Sense log lines. */
export type LogFileKind = 'text' | 'gzip' | 'zip';

// Qlik writes .txt and archives rolled files as .log; people export .csv/.tsv and compress with gzip or zip.
const TEXT = /\.(?:txt|log|csv|tsv)$/i;
const GZIP = /\.(?:gz|gzip)$/i;
const ZIP = /\.zip$/i;

/**
 * The one answer to "is this a log file name": `text` and `gzip` are read, `zip` is a log archive that is
 * answered with how to unzip it; undefined for anything else (screenshots, PDFs).
 */
export function logFileKind(name: string): LogFileKind | undefined {
  if (TEXT.test(name)) return 'text';
  if (GZIP.test(name)) return 'gzip';
  if (ZIP.test(name)) return 'zip';
  return undefined;
}

export function isLogFileName(name: string): boolean {
  return logFileKind(name) !== undefined;
}
