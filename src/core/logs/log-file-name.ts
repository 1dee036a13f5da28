/** The one home of "is this a log file": live logs (.txt), archived ones (.log), tables, gzipped copies, archives. */
const LOG_FILE = /\.(txt|log|csv|tsv)(\.gz)?$|\.gz$/i;
const ARCHIVE = /\.zip$/i;

/** A file worth reading as a log (inside folders and archives; JSON, ini and the like are passed over quietly). */
export function isLogFileName(name: string): boolean {
  return LOG_FILE.test(name);
}

export function isArchiveName(name: string): boolean {
  return ARCHIVE.test(name);
}
