import { Buffer, isAscii, isUtf8 } from 'node:buffer';

/** Longer lines are cut to this many bytes: no Qlik row is near it, and an 8 MB line must not be kept whole. */
export const MAX_LINE_BYTES = 64 * 1024;

const NEWLINE = 10;

/**
 * Every line that can matter carries one of these: `session`/`Session` (start, stop, login, got session, timeout,
 * grants and denials with `SessionID`, headers with `ProxySessionId`), or `AccessType` (`NoAvailableAccessType`,
 * allocations with `LicenseProfessionalAccessTypeId`). Lines without them are counted, never parsed. Markers that
 * start with a rare byte keep the search fast (`ession` starts with the commonest letter and is 4x slower).
 */
const MARKER_TEXTS: readonly string[] = ['Session', 'session', 'AccessType'];
/** In the scan, `Type` stands for `AccessType`: it starts with a rarer byte and is found 4x faster; the hit is checked. */
const MARKERS: readonly string[] = ['Session', 'session', 'Type'];
const TYPE_MARKER = 2;
const ACCESS = Buffer.from('Access');

const TAB = 9;
const bytesOf = (text: string): Uint8Array => Buffer.from(text, 'latin1');
/** After `Session`/`session`: loggers, commands and messages that name a session but never say anything the parser reads. */
const NOISE_AFTER: readonly Uint8Array[] = ['Establishment', 'ClientHandler', '.SessionClientHandler', ' will be '].map(
  bytesOf,
);
const CLOSED_FOR = bytesOf('Closed for ');

function bytesAt(buffer: Buffer, at: number, bytes: Uint8Array): boolean {
  if (at < 0 || at + bytes.length > buffer.length) return false;
  for (let index = 0; index < bytes.length; index++) if (buffer[at + index] !== bytes[index]) return false;
  return true;
}

/**
 * A `Session`/`session` at `at` that cannot make a line matter: the end of a column (`Start session` in the Command
 * column), part of a word (`/qps/sessionstart`, `PostSession`), a command (`Add session;Result`, `Add session:Notify`),
 * a logger (`SessionEstablishment`, `SessionClientHandler`), `Session will be etablished` (Get ticket), `connection Closed for session`. Looked at in the bytes,
 * so most proxy lines are never parsed.
 */
function isNoise(buffer: Buffer, at: number): boolean {
  const after = at + 7;
  const next = buffer[after];
  if (next === undefined) return false;
  if (next === TAB || next === 59 /* ; */ || (next >= 97 && next <= 122)) return true;
  if (next === 58 /* : */) {
    const following = buffer[after + 1] ?? 0;
    return (following >= 65 && following <= 90) || (following >= 97 && following <= 122);
  }
  for (const noise of NOISE_AFTER) if (bytesAt(buffer, after, noise)) return true;
  return bytesAt(buffer, at - CLOSED_FOR.length, CLOSED_FOR);
}

function mayMatter(line: string): boolean {
  return MARKER_TEXTS.some((marker) => line.includes(marker));
}

const CR = 13;
/** Rows read in place in a row before the next line is offered to `onRow` ahead of the marker search. */
const OFFER_FIRST_AFTER = 8;
/** A marker position meaning "not looked for in this part yet": before any line, so the next use looks. */
const NOT_LOOKED_FOR = -2;
/** A Slack code fence: `normalizePastedLine` keeps only the longest piece between fences. */
const FENCE = '```';
/** A line this long with a CR inside is CR-separated lines (old Mac endings, or files joined with `copy /b`). */
const LONG_LINE = 4096;
const SEQUENCE = Buffer.from('Sequence#');
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const WINDOWS_1252 = new TextDecoder('windows-1252');

/** A header row (`Sequence#...`, maybe after a BOM): always decoded, it says how to read the rows after it. */
function isHeaderAt(buffer: Buffer, at: number): boolean {
  const from = bytesAt(buffer, at, BOM) ? at + 3 : at;
  return bytesAt(buffer, from, SEQUENCE);
}

/** A line as text: UTF-8, or Windows-1252 when its bytes are not valid UTF-8 (an old Notepad file). */
export function decodeLine(buffer: Buffer, start: number, end: number): string {
  // Nearly every log line is ASCII: found out in one vector scan, then copied byte for byte without a UTF-8 check.
  if (isAscii(buffer.subarray(start, end))) return buffer.toString('latin1', start, end);
  const text = buffer.toString('utf8', start, end);
  if (!text.includes('\uFFFD') || isUtf8(buffer.subarray(start, end))) return text;
  return WINDOWS_1252.decode(buffer.subarray(start, end));
}

/** A copy of `buffer` with every CR that does not start a CRLF turned into LF (the offsets stay the same). */
function withLoneCrsAsLf(buffer: Buffer, from: number): Buffer {
  const copy = Buffer.from(buffer);
  for (let at = copy.indexOf(CR, from); at !== -1; at = copy.indexOf(CR, at + 1)) {
    if (copy[at + 1] !== NEWLINE) copy[at] = NEWLINE;
  }
  return copy;
}

/**
 * Splits a byte stream into lines: newlines and markers are found in each chunk decoded once as latin1, and only
 * lines that hold a marker (or are headers, or all lines when `decodeAll` is set) are handed on. An ASCII line is a
 * slice of its chunk's string, so whatever outlives the line must be copied. LF, CRLF, CR-only and mixed endings
 * (a line is handed on without its line end); UTF-8 or Windows-1252 per line. Memory is one chunk, its decoded part
 * while that is scanned, and one capped partial line.
 */
export class LineScanner {
  /** Lines seen, decoded or not. */
  lines = 0;
  /** Of those, the blank ones (nothing but a CR): not counted as lines by the analysis. */
  blank = 0;
  /** Set once the rest of the input cannot matter (an engine log): lines are then only counted. */
  countOnly = false;
  /** Every line is decoded (pastes, System and Service logs, whose few lines have no marker). */
  decodeAll = false;
  /**
   * With `decodeAll`, every line is offered to `onRow` first, which may then take lines without a marker: a System
   * log's rows matter only for a new ServiceUser or a proxy stop or start, which the row reader tells apart.
   */
  offerAll = false;
  /** Byte offset in the stream of the line being handed on (for cutting the stream at it later). */
  lineOffset = 0;
  private offset = 0;
  private crMode = false;
  private pending: Buffer | null = null;
  private pendingLength = 0;
  private pendingOffset = 0;
  private readonly onLine: (line: string) => void;
  /**
   * Given a line that needs no normalising (ASCII, no `&` or code fence) as `[start, end)` of its chunk's text,
   * without its line end (`bytes` holds the text's bytes from `textFrom`): reads it there and returns true, or
   * returns false and the line goes on as any other. It is offered lines that hold a marker, and also, after a run
   * of OFFER_FIRST_AFTER lines it took, the next line before its markers are looked for, a line that ran across two
   * chunks (as a line of its own, `textFrom` 0) and, with `offerAll`, every line: it must take only lines that hold
   * a marker, or that say nothing to the general reader either (a skipped command, a System row that says nothing).
   */
  onRow: ((bytes: Buffer, textFrom: number, text: string, start: number, end: number) => boolean) | null = null;
  /** The next `&` and code fence in the part being scanned (-1: none), looked for only while `onRow` is set. */
  private nextAmpersand = -1;
  private nextFence = -1;
  private readonly nextMarkers: number[] = MARKERS.map(() => -1);
  /** Rows read in place in a row, kept from one part to the next: a busy proxy's log stays on the fast path. */
  private taken = 0;
  /**
   * The part of a chunk being scanned, decoded once as latin1 (one char per byte, so offsets stay byte offsets):
   * newlines and markers are found with the string's own `indexOf`, a builtin, where `Buffer#indexOf` goes through a
   * JavaScript wrapper into C++ for every call. When the part is ASCII, each line is a slice of it as well.
   */
  private text = '';
  private textBuffer: Buffer | null = null;
  private textFrom = 0;
  private textIsAscii = false;

  constructor(onLine: (line: string) => void) {
    this.onLine = onLine;
  }

  push(chunk: Uint8Array | string): void {
    if (typeof chunk === 'string') {
      this.push(Buffer.from(chunk, 'utf8'));
      return;
    }
    let buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (!this.crMode && buffer.indexOf(NEWLINE) === -1 && buffer.indexOf(CR) !== -1) this.crMode = true;
    if (this.crMode) buffer = withLoneCrsAsLf(buffer, 0);
    const base = this.offset;
    this.offset += buffer.length;
    let start = 0;
    if (this.pending !== null) {
      const newline = buffer.indexOf(NEWLINE);
      if (newline === -1) {
        this.appendPending(buffer, 0, buffer.length, base);
        return;
      }
      this.appendPending(buffer, 0, newline, base);
      this.flushPending();
      start = newline + 1;
    }
    const lastNewline = buffer.lastIndexOf(NEWLINE);
    if (lastNewline >= start) {
      this.scan(buffer, start, lastNewline + 1, base);
      start = lastNewline + 1;
    }
    if (start < buffer.length) this.appendPending(buffer, start, buffer.length, base);
  }

  /** The last line, when the input does not end with a newline. */
  end(): void {
    if (this.pending !== null) this.flushPending();
  }

  private appendPending(buffer: Buffer, from: number, to: number, base: number): void {
    if (this.pending === null) {
      this.pending = Buffer.allocUnsafe(Math.min(MAX_LINE_BYTES, Math.max(256, (to - from) * 2)));
      this.pendingLength = 0;
      this.pendingOffset = base + from;
    }
    const room = MAX_LINE_BYTES - this.pendingLength;
    const take = Math.min(room, to - from);
    if (take <= 0) return;
    if (this.pendingLength + take > this.pending.length) {
      const grown = Buffer.allocUnsafe(
        Math.min(MAX_LINE_BYTES, Math.max(this.pending.length * 2, this.pendingLength + take)),
      );
      this.pending.copy(grown, 0, 0, this.pendingLength);
      this.pending = grown;
    }
    buffer.copy(this.pending, this.pendingLength, from, from + take);
    this.pendingLength += take;
  }

  private flushPending(): void {
    const pending = this.pending;
    if (pending === null) return;
    this.pending = null;
    const length = this.pendingLength;
    this.pendingLength = 0;
    this.lineOffset = this.pendingOffset;
    if (this.readPendingInPlace(pending, length)) return;
    this.line(pending, 0, length, true);
  }

  /**
   * A line that ran across two parts is offered to `onRow` like the lines inside a part, decoded on its own: on a
   * busy proxy's log one line in ~150 does, and the general parser took ~10 us over each (its own optimised code
   * was made for them alone).
   */
  private readPendingInPlace(pending: Buffer, length: number): boolean {
    const onRow = this.onRow;
    if (onRow === null || this.countOnly || length <= 1 || (this.decodeAll && !this.offerAll)) return false;
    if (!isAscii(pending.subarray(0, length))) return false;
    const cr = pending.subarray(0, length).indexOf(CR);
    // A CR inside the line splits it; only the CR of a CRLF is left out.
    if (cr !== -1 && cr !== length - 1) return false;
    const end = cr === -1 ? length : cr;
    if (isHeaderAt(pending, 0)) return false;
    const text = pending.toString('latin1', 0, end);
    // What `normalizePastedLine` would change (an escaped `&`, a code fence) is left to the general parser.
    if (text.includes('&') || text.includes('`')) return false;
    if (!onRow(pending, 0, text, 0, end)) return false;
    this.lines++;
    return true;
  }

  /** One line `[start, end)`, CR-split first when it holds a lone CR; decoded when it may matter. */
  private line(buffer: Buffer, start: number, end: number, checkMarkers: boolean, firstCr = -2): void {
    // The first CR at or after `start` (the caller may know it); the search never runs past the line's end twice.
    const inner =
      firstCr !== -2
        ? firstCr
        : end - start > 1
          ? buffer.subarray(start, end).indexOf(CR) + (buffer.subarray(start, end).indexOf(CR) === -1 ? 0 : start)
          : -1;
    if (inner !== -1 && inner < end - 1) {
      let from = start;
      for (let at = inner; at !== -1 && at < end; at = buffer.indexOf(CR, at + 1)) {
        if (at === end - 1) break;
        if (buffer[at + 1] === NEWLINE) continue;
        this.single(buffer, from, at, checkMarkers);
        this.lineOffset += at + 1 - from;
        from = at + 1;
      }
      this.single(buffer, from, end, checkMarkers);
      return;
    }
    this.single(buffer, start, end, checkMarkers);
  }

  private single(buffer: Buffer, start: number, end: number, checkMarkers: boolean): void {
    this.lines++;
    if (end - start <= 1 && (end === start || buffer[start] === CR)) {
      this.blank++;
      return;
    }
    if (this.countOnly) return;
    // A CRLF line is handed on without its CR: every reader trims it, and a slice made only for that was one per line.
    const cut = Math.min(buffer[end - 1] === CR ? end - 1 : end, start + MAX_LINE_BYTES);
    if (this.decodeAll || isHeaderAt(buffer, start)) {
      this.onLine(this.decode(buffer, start, cut));
      return;
    }
    if (!checkMarkers) {
      this.onLine(this.decode(buffer, start, cut));
      return;
    }
    const text = this.decode(buffer, start, cut);
    if (text.trim() === '') this.blank++;
    else if (mayMatter(text)) this.onLine(text);
  }

  /** If the marker hit at `at` is noise, moves that marker on to its next hit and says so. */
  private skipNoise(buffer: Buffer, at: number, lineEnd: number): boolean {
    const next = this.nextMarkers;
    for (let index = 0; index < MARKERS.length; index++) {
      if (next[index] !== at) continue;
      if (index === TYPE_MARKER ? bytesAt(buffer, at - ACCESS.length, ACCESS) : !isNoise(buffer, at)) return false;
      next[index] = this.find(MARKERS[index] as string, at + 1);
      return at < lineEnd;
    }
    return false;
  }

  private nearest(end: number): number {
    let nearest = end;
    for (const position of this.nextMarkers) if (position !== -1 && position < nearest) nearest = position;
    return nearest;
  }

  /** `[start, end)` holds whole lines, the last one ending with a newline at `end - 1`. One newline search per line. */
  private scan(buffer: Buffer, start: number, end: number, base: number): void {
    this.text = buffer.toString('latin1', start, end);
    this.textBuffer = buffer;
    this.textFrom = start;
    this.textIsAscii = isAscii(buffer.subarray(start, end));
    try {
      this.scanText(buffer, start, end, base);
    } finally {
      this.text = '';
      this.textBuffer = null;
    }
  }

  private scanText(buffer: Buffer, start: number, end: number, base: number): void {
    // Once lines have been read in place many times in a row (a busy proxy's log is little else), each is offered
    // to `onRow` before any marker is looked for: every row it takes holds a marker, so none is lost, and the marker
    // searches, which ran over each such line, wait until a line is declined. Only after a run: in a log of mixed
    // lines the offers it declines would cost more than the searches they spare. A run goes on into the next part,
    // whose markers are then not looked for at all until a line is declined: a marker the lines lack (`Type` in
    // an Audit_Proxy log) was otherwise searched for over the whole part, every part.
    let taken = this.taken;
    let markersBehind = taken >= OFFER_FIRST_AFTER;
    const next = this.nextMarkers;
    for (let index = 0; index < MARKERS.length; index++)
      next[index] = markersBehind ? NOT_LOOKED_FOR : this.find(MARKERS[index] as string, start);
    if (this.onRow !== null) {
      this.nextAmpersand = this.find('&', start);
      this.nextFence = this.findFence(start);
    }
    let nearest = markersBehind ? end : this.nearest(end);
    let lineStart = start;
    let cr = this.find('\r', start);
    while (lineStart < end) {
      const lineEnd = this.find('\n', lineStart);
      if (cr !== -1 && cr < lineStart) cr = this.find('\r', lineStart);
      if (!this.crMode && lineEnd - lineStart > LONG_LINE) {
        if (cr !== -1 && cr < lineEnd - 1) {
          // CR-separated lines: from here on every lone CR ends a line.
          this.crMode = true;
          this.taken = taken;
          this.scan(withLoneCrsAsLf(buffer, lineStart), lineStart, end, base);
          return;
        }
      }
      if (this.countOnly) {
        this.countLines(buffer, lineStart, end);
        return;
      }
      const firstCr = cr !== -1 && cr < lineEnd ? cr : -1;
      let declined = false;
      if (taken >= OFFER_FIRST_AFTER) {
        this.lineOffset = base + lineStart;
        if (this.readInPlace(buffer, lineStart, lineEnd, firstCr)) {
          markersBehind = true;
          lineStart = lineEnd + 1;
          continue;
        }
        taken = 0;
        declined = true;
      }
      if (markersBehind) {
        markersBehind = false;
        for (let index = 0; index < MARKERS.length; index++)
          if ((next[index] as number) !== -1 && (next[index] as number) < lineStart)
            next[index] = this.find(MARKERS[index] as string, lineStart);
        nearest = this.nearest(end);
      }
      while (nearest < lineEnd && this.skipNoise(buffer, nearest, lineEnd)) nearest = this.nearest(end);
      const matters = nearest < lineEnd;
      if (matters || this.decodeAll || isHeaderAt(buffer, lineStart)) {
        this.lineOffset = base + lineStart;
        if ((matters || this.offerAll) && !declined && this.readInPlace(buffer, lineStart, lineEnd, firstCr)) taken++;
        else {
          taken = 0;
          this.line(buffer, lineStart, lineEnd, false, firstCr);
        }
        if (matters) {
          nearest = end;
          for (let index = 0; index < MARKERS.length; index++) {
            let position = next[index] as number;
            if (position !== -1 && position < lineEnd)
              next[index] = position = this.find(MARKERS[index] as string, lineEnd);
            if (position !== -1 && position < nearest) nearest = position;
          }
        }
      } else {
        this.lines++;
        if (lineEnd - lineStart <= 1 && (lineEnd === lineStart || buffer[lineStart] === CR)) this.blank++;
      }
      lineStart = lineEnd + 1;
    }
    this.taken = taken;
  }

  /** Hands the line `[start, end)` (its first CR at `firstCr`, or -1) to `onRow` when it can be read in place. */
  private readInPlace(buffer: Buffer, start: number, end: number, firstCr: number): boolean {
    const onRow = this.onRow;
    if (onRow === null || !this.textIsAscii || buffer !== this.textBuffer) return false;
    // A CR inside the line splits it; only the CR of a CRLF is left out.
    if (firstCr !== -1 && firstCr !== end - 1) return false;
    const rowEnd = firstCr === -1 ? end : firstCr;
    if (rowEnd === start || rowEnd - start > MAX_LINE_BYTES) return false;
    if (this.nextAmpersand !== -1 && this.nextAmpersand < start) this.nextAmpersand = this.find('&', start);
    if (this.nextAmpersand !== -1 && this.nextAmpersand < rowEnd) return false;
    if (this.nextFence !== -1 && this.nextFence < start) this.nextFence = this.findFence(start);
    if (this.nextFence !== -1 && this.nextFence < rowEnd) return false;
    if (!onRow(buffer, this.textFrom, this.text, start - this.textFrom, rowEnd - this.textFrom)) return false;
    this.lines++;
    return true;
  }

  /** The byte offset of `search` at or after `from` in the part being scanned, or -1. */
  private find(search: string, from: number): number {
    const at = this.text.indexOf(search, from - this.textFrom);
    return at === -1 ? -1 : at + this.textFrom;
  }

  /**
   * The offset of the next code fence at or after `from`, or -1. Searched as its first backtick, which logs almost
   * never hold: a one-character search runs at memory speed, where the three-character one walked the whole part
   * again (~5% of the parser's time on a busy proxy's logs, where no fence is found).
   */
  private findFence(from: number): number {
    for (let at = this.find('`', from); at !== -1; at = this.find('`', at + 1))
      if (this.text.startsWith(FENCE, at - this.textFrom)) return at;
    return -1;
  }

  /** Line `[start, end)` of `buffer` as text: a slice of the decoded part when that is ASCII, else decoded alone. */
  private decode(buffer: Buffer, start: number, end: number): string {
    if (this.textIsAscii && buffer === this.textBuffer)
      return this.text.slice(start - this.textFrom, end - this.textFrom);
    return decodeLine(buffer, start, end);
  }

  /** Counts the lines of `[start, end)` (within the part being scanned), and the blank ones among them, without decoding any. */
  private countLines(buffer: Buffer, start: number, end: number): void {
    let lineStart = start;
    for (
      let newline = this.find('\n', start);
      newline !== -1 && newline < end;
      newline = this.find('\n', newline + 1)
    ) {
      this.lines++;
      if (newline - lineStart <= 1 && (newline === lineStart || buffer[lineStart] === CR)) this.blank++;
      lineStart = newline + 1;
    }
  }
}
