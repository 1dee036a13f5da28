import { describe, expect, it } from 'vitest';
import { LineScanner, MAX_LINE_BYTES } from '../../../src/core/logs/index.js';

function scan(chunks: readonly (Uint8Array | string)[]): { lines: number; handed: string[] } {
  const handed: string[] = [];
  const scanner = new LineScanner((line) => handed.push(line));
  for (const chunk of chunks) scanner.push(chunk);
  scanner.end();
  return { lines: scanner.lines, handed };
}

const bytes = (text: string) => new TextEncoder().encode(text);

describe('LineScanner', () => {
  it('counts every line and hands on only those with a marker', () => {
    expect(scan(['a\nStart session x\r\nb\nNoAvailableAccessType\nlast Session'])).toEqual({
      lines: 5,
      handed: ['Start session x', 'NoAvailableAccessType', 'last Session'],
    });
  });

  it.for([1, 2, 3, 7, 64])('gives the same lines whatever the chunk size (%i bytes)', (size) => {
    const text = "x\nStart session for user: 'CORP\\ä'\nnoise\n\nSession s has been deleted due to inactivity\n";
    const all = bytes(text);
    const chunks: Uint8Array[] = [];
    for (let offset = 0; offset < all.length; offset += size) chunks.push(all.subarray(offset, offset + size));
    expect(scan(chunks)).toEqual({
      lines: 5,
      handed: ["Start session for user: 'CORP\\ä'", 'Session s has been deleted due to inactivity'],
    });
  });

  it('decodes each line of a chunk by its own bytes: ASCII, UTF-8 and Windows-1252 side by side', () => {
    const chunk = Buffer.concat([
      Buffer.from("Start session for user: 'CORP\\ascii'\n", 'latin1'),
      Buffer.from("Start session for user: 'CORP\\jörg'\n", 'utf8'),
      Buffer.from("Start session for user: 'CORP\\andré'\n", 'latin1'),
      Buffer.from('no marker \u00e9\nsession\n', 'latin1'),
    ]);
    expect(scan([chunk])).toEqual({
      lines: 5,
      handed: [
        "Start session for user: 'CORP\\ascii'",
        "Start session for user: 'CORP\\jörg'",
        "Start session for user: 'CORP\\andré'",
        'session',
      ],
    });
  });

  it('cuts a long line to the cap and goes on with the next one', () => {
    const long = `Session ${'y'.repeat(MAX_LINE_BYTES * 3)}`;
    const { lines, handed } = scan([long.slice(0, 1000), long.slice(1000), '\nStart session\n']);
    expect(lines).toBe(2);
    expect(handed.map((line) => line.length)).toEqual([MAX_LINE_BYTES, 'Start session'.length]);
  });

  it('counts nothing for empty input', () => {
    expect(scan([])).toEqual({ lines: 0, handed: [] });
    expect(scan([''])).toEqual({ lines: 0, handed: [] });
  });

  it('offers onRow the lines that matter and need no normalising, in place, and the rest to onLine', () => {
    const inPlace: string[] = [];
    const handed: string[] = [];
    const scanner = new LineScanner((line) => handed.push(line));
    scanner.onRow = (source, textFrom, text, start, end) => {
      // The text is the latin1 decoding of the bytes from textFrom.
      expect(source.toString('latin1', start + textFrom, end + textFrom)).toBe(text.slice(start, end));
      const row = text.slice(start, end);
      inPlace.push(row);
      return !row.startsWith('declined');
    };
    scanner.push(
      'a\nStart session one\r\nSession &amp; two\nnoise\nSession ```three```\ndeclined Session\n' +
        'Session four\rwith a lone CR\r\nlast Session',
    );
    scanner.end();
    // The last line, without a line end, is offered too once the input ends.
    expect(inPlace).toEqual(['Start session one', 'declined Session', 'last Session']);
    expect(handed).toEqual([
      'Session &amp; two',
      'Session ```three```',
      'declined Session',
      'Session four',
      'with a lone CR',
    ]);
    expect(scanner.lines).toBe(9);
  });

  it('offers onRow a line that runs across two chunks, whole, unless it needs normalising', () => {
    const inPlace: string[] = [];
    const handed: string[] = [];
    const scanner = new LineScanner((line) => handed.push(line));
    scanner.onRow = (source, textFrom, text, start, end) => {
      expect(source.toString('latin1', start + textFrom, end + textFrom)).toBe(text.slice(start, end));
      inPlace.push(text.slice(start, end));
      return true;
    };
    scanner.push('Start session one\nStart sess');
    scanner.push('ion two\r\nSession &amp; th');
    scanner.push('ree\nSession four\rwith a lone');
    scanner.push(' CR\nlast Ses');
    scanner.push('sion');
    scanner.end();
    expect(inPlace).toEqual(['Start session one', 'Start session two', 'last Session']);
    // Split at its lone CR and read as ever: only the piece with a marker is handed on.
    expect(handed).toEqual(['Session &amp; three', 'Session four']);
    expect(scanner.lines).toBe(6);
  });

  it('with offerAll, offers onRow every line of a decodeAll input first, markers or not', () => {
    const inPlace: string[] = [];
    const handed: string[] = [];
    const scanner = new LineScanner((line) => handed.push(line));
    scanner.decodeAll = true;
    scanner.offerAll = true;
    scanner.onRow = (_source, _textFrom, text, start, end) => {
      const row = text.slice(start, end);
      inPlace.push(row);
      return !row.includes('roxy');
    };
    scanner.push('1\tnothing here\n2\tProxy has stopped\n3\tSynchronization done\n4\tacross ');
    scanner.push('parts\n');
    scanner.end();
    expect(inPlace).toEqual(['1\tnothing here', '2\tProxy has stopped', '3\tSynchronization done', '4\tacross parts']);
    // Declined, a line is decoded and handed on, as every line of a decodeAll input is.
    expect(handed).toEqual(['2\tProxy has stopped']);
    expect(scanner.lines).toBe(4);
  });

  it('offers onRow nothing from a part of a chunk that is not ASCII', () => {
    const offered: string[] = [];
    const handed: string[] = [];
    const scanner = new LineScanner((line) => handed.push(line));
    scanner.onRow = (_source, _textFrom, text, start, end) => offered.push(text.slice(start, end)) > 0;
    scanner.push(bytes("Start session for user: 'CORP\\\u00e4'\nSession plain\n"));
    expect(offered).toEqual([]);
    expect(handed).toEqual(["Start session for user: 'CORP\\\u00e4'", 'Session plain']);
  });

  it('after a run of rows onRow took, offers the next line before looking for markers, and scans on as before when it declines', () => {
    const offered: string[] = [];
    const handed: string[] = [];
    const scanner = new LineScanner((line) => handed.push(line));
    scanner.onRow = (_source, _textFrom, text, start, end) => {
      const row = text.slice(start, end);
      offered.push(row);
      return row.startsWith('row');
    };
    const run = Array.from({ length: 8 }, (_, index) => `row Session ${index}`);
    scanner.push(
      [...run, 'row Session 8', 'plain', 'Start session 9', 'row Session 10', 'plain 11', 'last', ''].join('\n'),
    );
    scanner.end();
    // The ninth row and the plain line after it are offered first; after the decline, markers decide again.
    expect(offered).toEqual([...run, 'row Session 8', 'plain', 'Start session 9', 'row Session 10']);
    // Declined lines are read as ever: the one with a marker is handed on once, the plain ones only counted.
    expect(handed).toEqual(['Start session 9']);
    expect(scanner.lines).toBe(14);
  });
});
