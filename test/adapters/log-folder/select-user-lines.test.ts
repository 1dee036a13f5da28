import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogFolderReader } from '../../../src/adapters/log-folder/index.js';
import { filesOverlapping } from '../../../src/adapters/log-folder/select-user-lines.js';
import { listLogFiles } from '../../../src/adapters/log-folder/list-log-files.js';
import { analyzeLogs } from '../../../src/core/verdict/index.js';
import { QlikNodeLogs } from '../../support/qlik-log-writer.js';

const NOW = Date.UTC(2026, 11, 1, 12, 0, 0);
const HOUR = 3_600_000;
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'qlik-why-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('filesOverlapping', () => {
  it('keeps the archives whose span (from the previous rollover to their own) overlaps, and the live file by its mtime', async () => {
    const stamp = (at: number) => new Date(at).toISOString().slice(0, 19).replace(/:/g, '.');
    for (const at of [NOW - 30 * HOUR, NOW - 18 * HOUR, NOW - 6 * HOUR])
      writeFileSync(join(dir, `QS1_AuditActivity_Proxy_${stamp(at)}Z.log`), 'x\n');
    const live = join(dir, 'QS1_AuditActivity_Proxy.txt');
    writeFileSync(live, 'x\n');
    utimesSync(live, new Date(NOW), new Date(NOW));
    writeFileSync(join(dir, 'QS1_System_Engine.txt'), 'not followed\n');
    const { files } = await listLogFiles([dir]);
    const names = (from: number) =>
      filesOverlapping(files, from, NOW)
        .read.map((file) => file.name)
        .sort();
    // Two hours back: the live file only (it began at the last rollover, six hours ago).
    expect(names(NOW - 2 * HOUR)).toEqual(['QS1_AuditActivity_Proxy.txt']);
    // Twenty hours back: the archives that ended 18 h and 6 h ago (the first spans 30 h to 18 h ago), and the live file.
    expect(names(NOW - 20 * HOUR)).toEqual(
      [
        `QS1_AuditActivity_Proxy_${stamp(NOW - 18 * HOUR)}Z.log`,
        `QS1_AuditActivity_Proxy_${stamp(NOW - 6 * HOUR)}Z.log`,
        'QS1_AuditActivity_Proxy.txt',
      ].sort(),
    );
    expect(filesOverlapping(files, NOW - 2 * HOUR, NOW).skipped).toBe(3);
  });
});

describe('createLogFolderReader', () => {
  it('gives the verdict for one user from the lines that name them, over the span asked for', async () => {
    const qs1 = new QlikNodeLogs(join(dir, 'QS1'), 'QS1', 60);
    const qs2 = new QlikNodeLogs(join(dir, 'QS2'), 'QS2', -300);
    // Five sessions three hours ago (outside a 2 h span), then four and a refusal within it.
    for (let index = 0; index < 5; index++)
      qs1.start(NOW - 3 * HOUR + index * 1000, 'CORP\\mweber', `old${index}`, '10.0.0.1');
    for (let index = 0; index < 5; index++) qs1.stop(NOW - 3 * HOUR + 60_000 + index, 'CORP\\mweber', `old${index}`);
    for (let index = 0; index < 3; index++)
      qs1.start(NOW - HOUR + index * 1000, 'CORP\\mweber', `a${index}`, '10.0.0.1');
    for (let index = 0; index < 2; index++)
      qs2.start(NOW - HOUR + 5000 + index * 1000, 'CORP\\mweber', `b${index}`, '10.0.0.2');
    qs1.denyAtLimit(NOW - HOUR + 10_000, 'CORP\\mweber', 'c0', '::ffff:10.0.0.3');
    // Another user's sessions, and one whose id contains this one's: neither is read.
    for (let index = 0; index < 6; index++) qs2.start(NOW - HOUR + index, 'CORP\\jdoe', `j${index}`, '10.9.9.9');
    qs2.start(NOW - HOUR, 'CORP\\mweber2', 'x0', '10.9.9.8');
    const reader = createLogFolderReader([dir]);
    const selection = await reader.userLines('corp\\MWeber', NOW - 2 * HOUR, NOW);
    const report = await analyzeLogs(selection.inputs);
    expect(report.verdict).toMatchObject({ code: 'limit-reached', user: 'CORP\\mweber' });
    expect(report.users.map((user) => user.user)).toEqual(['CORP\\mweber']);
    expect(report.users[0]).toMatchObject({ sessionsStarted: 5, peak: 5 });
    // Both nodes' proxy logs and QS1's repository log; the analysis never saw the other users' lines.
    expect(selection.filesRead).toBe(5);
  });
});
