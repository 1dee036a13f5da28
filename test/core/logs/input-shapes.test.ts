import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { LogInput } from '../../../src/core/logs/index.js';
import { analyzeLogs, reportJson, type AnalysisReport } from '../../../src/core/verdict/index.js';
import { fileInputs, scenario } from '../../support/log-inputs.js';
import { APRIL_2018_LOG_DIR, hasSharedFixture } from '../../support/shared-fixtures.js';
import { withEntryHeaders } from '../../support/zip-entry-headers.js';

function filesUnder(folder: string): string[] {
  return readdirSync(folder)
    .sort()
    .flatMap((name) =>
      statSync(join(folder, name)).isDirectory() ? filesUnder(join(folder, name)) : [join(folder, name)],
    );
}

/** A stream read once, as stdin is. */
function once(name: string, bytes: Uint8Array, size = 4096): LogInput {
  async function* chunks(): AsyncGenerator<Uint8Array> {
    for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
  }
  return { name, chunks: chunks() };
}

/** The figures a person reads, whatever the input's shape (line counts differ with fences and headers). */
function figures(report: AnalysisReport): unknown {
  const json = reportJson(report);
  return {
    verdict: json.verdict,
    findings: json.findings,
    users: json.users,
    formats: json.input.formats,
    from: json.input.from,
    to: json.input.to,
  };
}

describe('encodings and line endings', () => {
  it.for([
    'utf16le-bom_AuditActivity_Proxy.txt',
    'utf16be-bom_AuditActivity_Proxy.txt',
    'windows-1252_AuditActivity_Proxy.txt',
    'cr-only_AuditActivity_Proxy.txt',
    'mixed-endings_AuditActivity_Proxy.txt',
  ])('reads CORP\\jürgen.müller and both sessions from %s', async (file) => {
    const report = await analyzeLogs(fileInputs(scenario(join('encodings', file))));
    expect(report.users).toEqual([
      expect.objectContaining({ user: 'CORP\\jürgen.müller', sessionsStarted: 2, peak: 2 }),
    ]);
    expect(report.input).toMatchObject({ lines: 5, recognized: 5, skipped: 0 });
  });

  it('reads two files joined with copy /b (a BOM and a header in the middle) as one log', async () => {
    const report = await analyzeLogs(
      fileInputs(scenario('encodings/copy-b-joined-bom-mid-stream_AuditActivity_Proxy.txt')),
    );
    expect(report.users).toEqual([expect.objectContaining({ user: 'CORP\\anna', sessionsStarted: 2, peak: 2 })]);
    expect(report.input).toMatchObject({ lines: 6, recognized: 6, skipped: 0 });
  });

  it('reads a UTF-16 file piped on stdin in odd-sized chunks', async () => {
    const bytes = readFileSync(scenario('encodings/utf16le-bom_AuditActivity_Proxy.txt'));
    const report = await analyzeLogs([once('stdin', bytes, 7)]);
    expect(report.users[0]).toMatchObject({ user: 'CORP\\jürgen.müller', peak: 2 });
  });
});

describe('archives', () => {
  const folder = scenario('service-account-licensed-log-collector');
  const entries = (root: string): Record<string, Uint8Array> =>
    Object.fromEntries(
      filesUnder(root).map((path) => [relative(root, path).replaceAll('/', '\\'), readFileSync(path)]),
    );

  it('reads a Log Collector zip as the folder: Windows separators, nested folders, JSON and ini passed over quietly', async () => {
    const zip = zipSync({
      ...entries(folder),
      'AboutSystemInfo_4778cacf.json': new TextEncoder().encode('{"ReleaseLabel": "April 2018"}'),
      'Log\\Settings.ini': new TextEncoder().encode('[log]\nlevel=info\n'),
    });
    const fromZip = await analyzeLogs([{ name: 'QlikSenseLogCollectorOutput.zip', chunks: [zip] }]);
    const fromFolder = await analyzeLogs(fileInputs(folder));
    expect(figures(fromZip)).toEqual(figures(fromFolder));
    expect(fromZip.verdict.code).toBe('service-account-licensed');
  });

  it('reads a zip that comes without its name (a stream that starts PK), once', async () => {
    const zip = zipSync(entries(folder));
    const report = await analyzeLogs([once('stdin', zip)]);
    expect(report.verdict.code).toBe('service-account-licensed');
  });

  it('reads archived rollover files in a zip in rollover order before the live file', async () => {
    const text = readFileSync(scenario('within-limit_AuditActivity_Proxy.txt'), 'utf8').split(/\r?\n/);
    const [header, ...rows] = text.filter((line) => line !== '');
    const half = Math.floor(rows.length / 2);
    const zip = zipSync({
      'ArchivedLogs\\QS1\\Proxy\\Audit\\QS1_AuditActivity_Proxy_2024-03-12T09.00.00Z.log': new TextEncoder().encode(
        [header, ...rows.slice(0, half)].join('\r\n'),
      ),
      'Log\\Proxy\\Audit\\QS1_AuditActivity_Proxy.txt': new TextEncoder().encode(
        [header, ...rows.slice(half)].join('\r\n'),
      ),
    });
    const fromZip = await analyzeLogs([{ name: 'logs.zip', chunks: [zip] }]);
    const whole = await analyzeLogs(fileInputs(scenario('within-limit_AuditActivity_Proxy.txt')));
    expect(figures(fromZip)).toEqual(figures(whole));
  });

  it('reads gzip on stdin', async () => {
    const bytes = gzipSync(readFileSync(scenario('within-limit_AuditActivity_Proxy.txt')));
    const report = await analyzeLogs([once('stdin', bytes)]);
    expect(report.verdict).toMatchObject({ code: 'within-limit', user: 'CORP\\lee' });
  });

  it('reads gzip cut short up to where it stops, analyses those lines and names the input', async () => {
    const log = readFileSync(scenario('within-limit_AuditActivity_Proxy.txt'), 'utf8');
    const rows = log.slice(log.indexOf('\n') + 1);
    // Stored blocks (level 0, at most 64 KB each) inflate as they are, so the blocks before the cut are all there.
    const gzip = gzipSync(log + rows.repeat(Math.ceil(300_000 / rows.length)), { level: 0 });
    const whole = await analyzeLogs([once('stdin', gzip)]);
    const cut = await analyzeLogs([once('stdin', gzip.subarray(0, Math.floor(gzip.length * 0.6)))]);
    expect(cut.input.lines).toBeGreaterThan(0);
    expect(cut.input.lines).toBeLessThan(whole.input.lines);
    // The copied rows go back in time, so the input is also read again as runs: the damage is said once all the same.
    expect(cut.readingNotes.filter((note) => note.includes('stop making sense'))).toEqual([
      expect.stringMatching(
        /^stdin was read only up to where its bytes stop making sense \(it is gzip data that is damaged or cut short\): its lines before that were analysed\./,
      ),
    ]);
    expect(whole.readingNotes.join(' ')).not.toContain('stop making sense');
  });

  it('says which input is damaged gzip when nothing of it inflates, and reads the other inputs', async () => {
    const gzip = gzipSync(readFileSync(scenario('within-limit_AuditActivity_Proxy.txt')));
    const damaged = Buffer.from(gzip);
    // The first block's type set to 3, which deflate reserves: fflate fails on it before giving any byte.
    damaged[10] = (damaged[10] as number) | 0b110;
    const report = await analyzeLogs([
      { name: 'QS2_AuditActivity_Proxy.log', chunks: [damaged] },
      ...fileInputs(scenario('within-limit_AuditActivity_Proxy.txt')),
    ]);
    expect(report.verdict).toMatchObject({ code: 'within-limit', user: 'CORP\\lee' });
    expect(report.readingNotes.join(' ')).toContain(
      'QS2_AuditActivity_Proxy.log was read only up to where its bytes stop making sense (it is gzip data that is damaged or cut short)',
    );
  });

  it('reads a zip entry whose data is damaged up to the damage, names it, and reads the other entries', async () => {
    const log = readFileSync(scenario('within-limit_AuditActivity_Proxy.txt'), 'utf8');
    const [header, ...rows] = log.trimEnd().split('\n');
    // Enough rows that the entry inflates in several slices, its damage near the end.
    const long = [header, ...Array.from({ length: 200 }, () => rows).flat()].join('\n');
    const zip = zipSync({
      'Log/Proxy/Audit/QS1_AuditActivity_Proxy.txt': Buffer.from(log),
      'Log/Proxy/Audit/QS2_AuditActivity_Proxy.txt': Buffer.from(long),
    });
    const damaged = Buffer.from(zip);
    // The second half of the second entry's compressed data overwritten: it stops inflating there.
    const second = damaged.indexOf('QS2_AuditActivity_Proxy.txt') + 'QS2_AuditActivity_Proxy.txt'.length;
    const size = damaged.indexOf('PK\x01\x02', second) - second;
    damaged.fill(0xff, second + Math.floor(size / 2), second + size - 16);
    const report = await analyzeLogs([{ name: 'collected.zip', chunks: [damaged] }]);
    expect(report.verdict).toMatchObject({ code: 'within-limit', user: 'CORP\\lee' });
    expect(report.readingNotes.join(' ')).toContain(
      'collected.zip/Log/Proxy/Audit/QS2_AuditActivity_Proxy.txt was read only up to where its bytes stop making sense (its compressed data in the zip archive is damaged)',
    );
    // The lines before the damage count: more than the one good entry's.
    const whole = await analyzeLogs([{ name: 'collected.zip', chunks: [zip] }]);
    expect(report.input.recognized).toBeGreaterThan(rows.length);
    expect(report.input.recognized).toBeLessThan(whole.input.recognized);
  });

  it('refuses a zip whose log files another archiver compressed or a password encrypted, and says which', async () => {
    const name = 'Log/Proxy/Audit/QS1_AuditActivity_Proxy.txt';
    const zip = zipSync({
      [name]: readFileSync(scenario('within-limit_AuditActivity_Proxy.txt')),
      'Log/ServerInfo.json': Buffer.from('{}'),
    });
    // bzip2 (12), Deflate64 (9, 7-Zip's Ultra setting), a number no archiver uses, and a password.
    const said = async (headers: { method?: number; flags?: number }): Promise<string> =>
      (await analyzeLogs([{ name: 'logs.zip', chunks: [withEntryHeaders(zip, name, headers)] }])).verdict.detail;
    const refused = 'Not read: logs.zip looks like a zip archive, but its log files are';
    expect(await said({ method: 12 })).toContain(`${refused} compressed with bzip2, and only Deflate`);
    expect(await said({ method: 9 })).toContain(`${refused} compressed with Deflate64`);
    expect(await said({ method: 77 })).toContain(`${refused} compressed with compression method 77`);
    expect(await said({ flags: 1 })).toContain(`${refused} encrypted (the archive has a password)`);
  });

  it('reads the log files of a zip it can inflate and names the one it cannot', async () => {
    const log = readFileSync(scenario('within-limit_AuditActivity_Proxy.txt'));
    const other = 'Log/Repository/Audit/QS1_AuditSecurity_Repository.txt';
    const zip = zipSync({ 'Log/Proxy/Audit/QS1_AuditActivity_Proxy.txt': log, [other]: log });
    const report = await analyzeLogs([{ name: 'logs.zip', chunks: [withEntryHeaders(zip, other, { method: 9 })] }]);
    const alone = await analyzeLogs(fileInputs(scenario('within-limit_AuditActivity_Proxy.txt')));
    expect(figures(report)).toEqual(figures(alone));
    expect(report.readingNotes).toContain(
      `logs.zip/${other} was not read: it is compressed with Deflate64, and only Deflate, what Windows and the Log Collector use, is read here. Unzip the archive and give the folder, so that it is read too.`,
    );
  });

  it('applies the size cap after inflating and says what was cut', async () => {
    const zip = zipSync(entries(folder));
    const report = await analyzeLogs([{ name: 'big.zip', chunks: [zip] }], { maxBytes: 2000 });
    expect(report.readingNotes.join(' ')).toMatch(
      /^Only the first part of .* was read: the unpacked logs reached the size cap/,
    );
  });
});

describe('service restarts', () => {
  it('ends every session of the node when its proxy stops (Service_Proxy Stop proxy, System_Proxy Proxy has stopped)', async () => {
    const report = await analyzeLogs(fileInputs(scenario('proxy-restart-ends-sessions')));
    expect(report.users).toEqual([
      expect.objectContaining({ user: 'DOMAIN\\administrator', sessionsStarted: 2, peak: 1 }),
    ]);
    const sessions = report.timelines.find((timeline) => timeline.user === 'DOMAIN\\administrator')?.sessions ?? [];
    expect(sessions[0]).toMatchObject({ ending: 'proxy-stopped', end: new Date('2019-01-31T15:22:50.400Z') });
    expect(report.input.formats).toEqual(['AuditActivity_Proxy', 'Service_Proxy', 'System_Proxy']);
  });

  it('without the restart lines the same sessions overlap', async () => {
    const report = await analyzeLogs(fileInputs(scenario('proxy-restart-ends-sessions/Proxy/Audit')));
    expect(report.users[0]).toMatchObject({ peak: 2 });
  });
});

describe('order-free input', () => {
  it('counts the same line given twice once (a file given twice)', async () => {
    const path = scenario('peak-above-limit-refused-counted');
    const twice = await analyzeLogs([...fileInputs(path), ...fileInputs(path)]);
    expect(figures(twice)).toEqual(figures(await analyzeLogs(fileInputs(path))));
  });

  it('reads files concatenated without headers, in reverse order, as the folder', async () => {
    const path = scenario('two-nodes-time-zones');
    const rows = filesUnder(path)
      .reverse()
      .map((file) => readFileSync(file, 'utf8').replace(/^\uFEFF?Sequence#[^\n]*\n/, ''))
      .join('');
    const report = await analyzeLogs([once('stdin', new TextEncoder().encode(rows), 300)]);
    expect(figures(report)).toEqual(figures(await analyzeLogs(fileInputs(path))));
    expect(report.readingNotes.join(' ')).toContain('merged on the instant');
  });
});

describe.skipIf(!hasSharedFixture(APRIL_2018_LOG_DIR))(
  'the same verdict however the real April 2018 lines arrive',
  () => {
    const paths = filesUnder(APRIL_2018_LOG_DIR);
    const texts = paths.map((path) => readFileSync(path));
    const slack = (text: string): string =>
      `\`\`\`\n${text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}\n\`\`\``;

    it('folder = every sampled concatenation order on stdin = the fenced, escaped paste = three thread messages', async () => {
      const folder = figures(await analyzeLogs(fileInputs(APRIL_2018_LOG_DIR)));
      // mulberry32 orders: the same on every run.
      let seed = 2018;
      const random = (): number => {
        seed = (seed + 0x6d2b79f5) | 0;
        let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      };
      const orders = [paths.map((_, index) => index), paths.map((_, index) => paths.length - 1 - index)];
      for (let run = 0; run < 6; run++) orders.push(paths.map((_, index) => index).sort(() => random() - 0.5));
      for (const order of orders) {
        const joined = Buffer.concat(order.map((index) => texts[index] as Buffer));
        expect(figures(await analyzeLogs([once('stdin', joined, 65_536)]))).toEqual(folder);
      }
      const all = texts.map((text) => text.toString('utf8'));
      expect(figures(await analyzeLogs([{ name: 'message', chunks: [slack(all.join(''))] }]))).toEqual(folder);
      const messages = [all.slice(0, 3), all.slice(3, 6), all.slice(6)].map((part) => ({
        name: 'message',
        chunks: [slack(part.join(''))],
      }));
      expect(figures(await analyzeLogs(messages))).toEqual(folder);
    });
  },
);
