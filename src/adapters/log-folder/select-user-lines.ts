import { createReadStream } from 'node:fs';
import type { LogFolderReader, UserLogSelection } from '../../bot/index.js';
import { findQlikTimestamp, type LogInput } from '../../core/logs/index.js';
import { listLogFiles, type LogFile } from './list-log-files.js';

const NEWLINE = 10;
const READ_CHUNK = 1024 * 1024;

/** Bytes that may stand right before or after a user id in a Qlik row: TAB, quote, backslash, space, line end. */
const BOUNDARY = new Set([9, 10, 13, 32, 34, 39, 44, 58, 59, 92]);

/** Each file's time span: an archived file ends at its rollover instant, and starts where the one before it ended. */
export function filesOverlapping(
  files: readonly LogFile[],
  from: number,
  to: number,
): { read: LogFile[]; skipped: number } {
  const series = new Map<string, LogFile[]>();
  for (const file of files) series.set(file.series, [...(series.get(file.series) ?? []), file]);
  const read: LogFile[] = [];
  for (const members of series.values()) {
    const archived = members
      .filter((file) => file.archivedAt !== null)
      .sort((a, b) => (a.archivedAt ?? 0) - (b.archivedAt ?? 0));
    let start = Number.NEGATIVE_INFINITY;
    for (const file of archived) {
      const end = file.archivedAt ?? 0;
      if (end >= from && start <= to) read.push(file);
      start = end;
    }
    // The live file began at the last rollover and was last written at its mtime.
    for (const file of members.filter((member) => member.archivedAt === null))
      if (file.mtimeMs >= from && start <= to) read.push(file);
  }
  return { read, skipped: files.length - read.length };
}

/** The spellings a Qlik log may use for the id (the directory writes it as it likes): as typed, lower, upper, capitalised. */
function spellings(id: string): Buffer[] {
  const variants = new Set([
    id,
    id.toLowerCase(),
    id.toUpperCase(),
    id.charAt(0).toUpperCase() + id.slice(1).toLowerCase(),
  ]);
  return [...variants].map((variant) => Buffer.from(variant, 'utf8'));
}

function bounded(buffer: Buffer, at: number, length: number): boolean {
  const before = at === 0 ? NEWLINE : (buffer[at - 1] as number);
  const after = at + length >= buffer.length ? NEWLINE : (buffer[at + length] as number);
  return BOUNDARY.has(before) && BOUNDARY.has(after);
}

/**
 * The lines of `buffer` (whole lines only) that name the user, found with a byte search per spelling: the other
 * users' lines are never decoded. Lines older than `from` are left out when they carry a time.
 */
function userLines(buffer: Buffer, needles: readonly Buffer[], from: number, out: string[]): void {
  const next = needles.map((needle) => buffer.indexOf(needle));
  for (;;) {
    let at = -1;
    let which = -1;
    next.forEach((position, index) => {
      if (position !== -1 && (at === -1 || position < at)) {
        at = position;
        which = index;
      }
    });
    if (at === -1) return;
    const needle = needles[which] as Buffer;
    const lineStart = buffer.lastIndexOf(NEWLINE, at) + 1;
    const newline = buffer.indexOf(NEWLINE, at);
    const lineEnd = newline === -1 ? buffer.length : newline;
    if (bounded(buffer, at, needle.length) || containsBounded(buffer, needles, at + 1, lineEnd)) {
      const line = buffer.toString('utf8', lineStart, lineEnd);
      const time = findQlikTimestamp(line);
      if (Number.isNaN(time) || time >= from) out.push(line);
    }
    for (let index = 0; index < next.length; index++) {
      if ((next[index] as number) !== -1 && (next[index] as number) < lineEnd + 1)
        next[index] = buffer.indexOf(needles[index] as Buffer, lineEnd + 1);
    }
  }
}

function containsBounded(buffer: Buffer, needles: readonly Buffer[], from: number, to: number): boolean {
  for (const needle of needles) {
    for (let at = buffer.indexOf(needle, from); at !== -1 && at < to; at = buffer.indexOf(needle, at + 1))
      if (bounded(buffer, at, needle.length)) return true;
  }
  return false;
}

/** One file as a LogInput of its header and the user's lines, read in 1 MB chunks. */
function userInput(file: LogFile, needles: readonly Buffer[], from: number): LogInput {
  async function* chunks(): AsyncGenerator<string> {
    let carry: Buffer | null = null;
    let first = true;
    for await (const raw of createReadStream(file.path, { highWaterMark: READ_CHUNK })) {
      let buffer: Buffer = carry === null ? (raw as Buffer) : Buffer.concat([carry, raw as Buffer]);
      const out: string[] = [];
      if (first) {
        first = false;
        const end = buffer.indexOf(NEWLINE);
        const header = buffer.toString('utf8', 0, end === -1 ? Math.min(buffer.length, 4096) : end);
        if (header.replace(/^\uFEFF/, '').startsWith('Sequence#')) out.push(header);
      }
      const last = buffer.lastIndexOf(NEWLINE);
      if (last === -1) {
        carry = buffer.length > 64 * 1024 ? null : buffer;
        continue;
      }
      carry = last + 1 < buffer.length ? Buffer.from(buffer.subarray(last + 1)) : null;
      buffer = buffer.subarray(0, last + 1);
      userLines(buffer, needles, from, out);
      if (out.length > 0) yield `${out.join('\n')}\n`;
    }
    if (carry !== null) {
      const out: string[] = [];
      userLines(carry, needles, from, out);
      if (out.length > 0) yield `${out.join('\n')}\n`;
    }
  }
  return { name: file.name, chunks: { [Symbol.asyncIterator]: chunks } };
}

/** `why` over the log folders: only the files whose span overlaps, and in them only the lines that name the user. */
export function createLogFolderReader(folders: readonly string[]): LogFolderReader {
  return {
    folders,
    async userLines(user, from, to): Promise<UserLogSelection> {
      const id = user.slice(user.indexOf('\\') + 1);
      const listed = await listLogFiles(folders);
      const { read, skipped } = filesOverlapping(listed.files, from, to);
      const needles = spellings(id);
      return {
        inputs: read.map((file) => userInput(file, needles, from)),
        filesRead: read.length,
        filesSkipped: skipped,
        problems: listed.problems,
      };
    },
  };
}
