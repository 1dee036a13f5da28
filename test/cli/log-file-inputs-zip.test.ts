import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logFileInputs, UnreadableInputError } from '../../src/cli/log-file-inputs.js';
import { analyzeLogs, reportJson, type AnalysisReport } from '../../src/core/verdict/index.js';
import { scenario } from '../support/log-inputs.js';
import { withEntryHeaders } from '../support/zip-entry-headers.js';

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) =>
    statSync(join(folder, name)).isDirectory() ? filesUnder(join(folder, name)) : [join(folder, name)],
  );
}

/** The Log Collector scenario's files as zip entries, with the JSON and ini files a real collection has beside them. */
function collection(): Zippable {
  const folder = scenario('service-account-licensed-log-collector');
  const entries: Zippable = { 'Log/ServerInfo.json': Buffer.from('{"version":"14.173.4"}') };
  for (const file of filesUnder(folder)) entries[relative(folder, file)] = readFileSync(file);
  entries['Log/Settings.ini'] = Buffer.from('[Settings]\n');
  return entries;
}

/** Everything a person reads of a report, the reading notes among it. */
function readable(report: AnalysisReport): unknown {
  return { json: reportJson(report), notes: report.readingNotes };
}

describe('a zip archive on disk', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'qlik-zip-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** The report of `zip` read from a file by position, and the one of the same bytes read whole. */
  async function bothWays(name: string, zip: Uint8Array): Promise<[AnalysisReport, AnalysisReport]> {
    writeFileSync(join(dir, name), zip);
    const files = await logFileInputs([name], dir);
    if (!files.ok) throw files.error;
    expect(files.inputs[0]?.ranges).toBeDefined();
    return [await analyzeLogs(files.inputs), await analyzeLogs([{ name, chunks: [zip] }])];
  }

  it('is read entry by entry into the report the archive read whole gives, stored and deflated entries alike', async () => {
    const entries = collection();
    for (const name of Object.keys(entries))
      if (name.includes('Repository')) entries[name] = [entries[name] as Uint8Array, { level: 0 }];
    const [byPosition, whole] = await bothWays('collected.zip', zipSync(entries));
    expect(readable(byPosition)).toEqual(readable(whole));
    expect(byPosition.verdict.code).toBe('service-account-licensed');
    // The JSON and ini files are passed over quietly: only the three logs were read.
    expect(byPosition.input.formats).toHaveLength(3);
  });

  it('reads a damaged entry up to its damage, names it, and reads the other entries', async () => {
    const entries = collection();
    const good = await bothWays('good.zip', zipSync(entries));
    const log = readFileSync(scenario('within-limit_AuditActivity_Proxy.txt'), 'utf8');
    const [header, ...rows] = log.trimEnd().split('\n');
    const name = 'QS2_AuditActivity_Proxy.txt';
    entries[`Log/Proxy/Audit/${name}`] = Buffer.from(
      [header, ...Array.from({ length: 200 }, () => rows).flat()].join('\n'),
    );
    const zip = Buffer.from(zipSync(entries));
    const start = zip.indexOf(name) + name.length;
    // The entry's data runs to the next local header or, for the last entry, the central directory.
    const next = [zip.indexOf('PK\x03\x04', start), zip.indexOf('PK\x01\x02', start)].filter((at) => at !== -1);
    const size = Math.min(...next) - start;
    zip.fill(0xff, start + Math.floor(size / 2), start + size - 16);
    const [byPosition, whole] = await bothWays('damaged.zip', zip);
    const note = `damaged.zip/Log/Proxy/Audit/${name} was read only up to where its bytes stop making sense (its compressed data in the zip archive is damaged)`;
    expect(byPosition.readingNotes.join(' ')).toContain(note);
    expect(whole.readingNotes.join(' ')).toContain(note);
    expect(byPosition.verdict).toEqual(good[0].verdict);
    // zlib gives the lines inflated before the damage (fflate, reading the archive whole, gives none of so small an
    // entry): the other entries' lines and some of these.
    expect(byPosition.input.recognized).toBeGreaterThan(good[0].input.recognized);
    expect(byPosition.input.formats).toContain('AuditActivity_Proxy');
  });

  it('names an entry it cannot inflate (bzip2) and reads the others, as the archive read whole does', async () => {
    const entries = collection();
    const name = Object.keys(entries).find((entry) => entry.includes('AuditSecurity_Repository')) as string;
    const [byPosition, whole] = await bothWays('bzip2.zip', withEntryHeaders(zipSync(entries), name, { method: 12 }));
    expect(readable(byPosition)).toEqual(readable(whole));
    expect(byPosition.readingNotes).toContain(
      `bzip2.zip/${name} was not read: it is compressed with bzip2, and only Deflate, what Windows and the Log Collector use, is read here. Unzip the archive and give the folder, so that it is read too.`,
    );
    expect(byPosition.input.formats).not.toContain('AuditSecurity_Repository');
  });

  it('names the archive when it went away after the folder was listed, as for any file', async () => {
    writeFileSync(join(dir, 'gone.zip'), zipSync(collection()));
    const files = await logFileInputs(['gone.zip'], dir);
    if (!files.ok) throw files.error;
    unlinkSync(join(dir, 'gone.zip'));
    await expect(analyzeLogs(files.inputs)).rejects.toThrow(UnreadableInputError);
    await expect(analyzeLogs(files.inputs)).rejects.toThrow(/gone\.zip: no such file or folder/);
  });

  it('says so when it is cut short before its central directory, as the archive read whole does', async () => {
    const zip = zipSync(collection());
    const [byPosition, whole] = await bothWays('cut.zip', zip.subarray(0, Math.floor(zip.length / 2)));
    expect(readable(byPosition)).toEqual(readable(whole));
    expect(byPosition.verdict.detail).toContain(
      'Not read: cut.zip looks like a zip archive, but the end of its central directory is missing',
    );
  });
});
