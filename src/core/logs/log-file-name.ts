import { LOG_LAYOUT_NAMES, type LogLayoutName } from './log-layout.js';

/** How a file's name says it may hold Qlik Sense log lines: a text log, a gzipped one, or an archive of logs. */
export type LogFileKind = 'text' | 'gzip' | 'zip';

// Qlik writes .txt and archives rolled files as .log; people export .csv/.tsv and compress with gzip or zip.
const TEXT = /\.(?:txt|log|csv|tsv)$/i;
const GZIP = /\.(?:gz|gzip)$/i;
const ZIP = /\.zip$/i;
/** `<host>_<Layout>[_2019-02-01T03.59.01Z].<txt|log|csv|tsv>[.gz]`; the stamp is when an archived file rolled over. */
const QLIK_NAME = /^(.*?)(?:_(\d{4})-(\d{2})-(\d{2})T(\d{2})\.(\d{2})\.(\d{2})Z)?\.(txt|log|csv|tsv)(\.gz)?$/i;
const LAYOUT_SUFFIXES = LOG_LAYOUT_NAMES.map((layout) => ({ layout, suffix: `_${layout.toLowerCase()}` }));

/** The one answer to "is this a log file name"; undefined for anything else (screenshots, PDFs, JSON, ini). */
export function logFileKind(name: string): LogFileKind | undefined {
  if (TEXT.test(name)) return 'text';
  if (GZIP.test(name)) return 'gzip';
  if (ZIP.test(name)) return 'zip';
  return undefined;
}

/** A file worth reading for log lines: a text log, gzipped or not, or a zip archive of them. */
export function isLogFileName(name: string): boolean {
  return logFileKind(name) !== undefined;
}

export function isArchiveName(name: string): boolean {
  return logFileKind(name) === 'zip';
}

/** What a Qlik log file's name says: `QS1_AuditActivity_Proxy.txt` (live) or `..._2019-02-01T03.59.01Z.log`. */
export interface LogFileName {
  /** The name without folders, rollover stamp and extensions: the live file and its archives share it. */
  readonly stem: string;
  /** The node, when the name ends in a known layout (`QS1` of `QS1_Audit_Proxy`); empty otherwise. */
  readonly host: string;
  readonly layout: LogLayoutName | null;
  /** The rollover instant of an archived file (its last line is before it); null for the live file. */
  readonly archivedAt: number | null;
  readonly extension: 'txt' | 'log' | 'csv' | 'tsv';
  readonly gzipped: boolean;
}

/** The last part of a path, with `/` or `\` separators (zip entries keep Windows names). */
export function baseName(name: string): string {
  const slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
  return slash === -1 ? name : name.slice(slash + 1);
}

/** Null for names that are no text log (zips, JSON, a pasted message). */
export function parseLogFileName(name: string): LogFileName | null {
  const match = QLIK_NAME.exec(baseName(name));
  if (match === null) return null;
  const [, stem = '', year, month, day, hour, minute, second, extension = '', gz] = match;
  const lower = stem.toLowerCase();
  const known = LAYOUT_SUFFIXES.find(({ suffix }) => lower.endsWith(suffix) && lower.length > suffix.length);
  const archivedAt =
    year === undefined
      ? null
      : Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second));
  return {
    stem,
    host: known === undefined ? '' : stem.slice(0, stem.length - known.suffix.length),
    layout: known?.layout ?? null,
    archivedAt,
    extension: extension.toLowerCase() as LogFileName['extension'],
    gzipped: gz !== undefined,
  };
}

/**
 * Which series a log belongs to: its host and layout, whatever folder it is in (`ArchivedLogs\...` and `Log\...`
 * hold the archived and the live files of one log), so a series is read as one time-ordered stream.
 */
export function seriesKeyOf(name: string): string {
  return parseLogFileName(name)?.stem ?? `\u0000${name}`;
}
