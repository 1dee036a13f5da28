import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verdictReply } from '../../../src/bot/verdict-reply.js';
import { analyzeLogs } from '../../../src/core/verdict/index.js';
import { fileInputs, scenario, textInput } from '../../support/log-inputs.js';

const NOTHING = (): undefined => undefined;

describe('replies that agree with themselves', () => {
  it('counts the unnamed refusals of a Message-column paste the same in the headline and the detail, blank lines not skipped', async () => {
    const report = await analyzeLogs(fileInputs(scenario('anonymous-denials-blank-lines-crlf.txt')));
    const reply = verdictReply(report, NOTHING);
    expect(reply.headline).toBe(
      'A user was refused access 3 times because no access pass (licence) was available to them.',
    );
    expect(report.verdict.detail).toMatch(/^3 logins were denied/);
    expect(report.input).toMatchObject({ lines: 3, recognized: 3, skipped: 0 });
    expect(reply.caveats.join(' ')).not.toContain('skipped');
  });

  it('says why a peak is above the limit: the refused attempts are counted too', async () => {
    const report = await analyzeLogs(fileInputs(scenario('peak-above-limit-refused-counted')));
    expect(report.users[0]).toMatchObject({ user: 'CORP\\mweber', peak: 7, limitDenials: 2, licensed: true });
    expect(report.verdict.detail).toContain(
      'The peak of 7 is above the limit of 5 because the proxy opens a session before the licence check, so the 2 refused attempts are counted too.',
    );
  });

  it("shows Licensed 'unknown' (JSON null) for a user no licence line speaks of", async () => {
    const report = await analyzeLogs(fileInputs(scenario('within-limit_AuditActivity_Proxy.txt')));
    expect(report.users.every((user) => user.licensed === null)).toBe(true);
    const facts = verdictReply(report, NOTHING).facts;
    const column = facts?.columns.indexOf('Licensed') ?? -1;
    expect(facts?.rows.map((row) => row[column])).toEqual(facts?.rows.map(() => 'unknown'));
  });

  it('says no files were found for an empty folder', async () => {
    const report = await analyzeLogs([], { emptyFolders: ['C:\\logs'] });
    expect(report.verdict).toMatchObject({ code: 'no-qlik-lines' });
    expect(report.verdict.detail).toMatch(/^No log files were found in C:\\logs: give the Qlik Sense log folder/);
  });

  it('lists the files it read when none holds a Qlik line', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'qlik-sessions-'));
    writeFileSync(join(folder, 'notes.txt'), 'nothing here\r\n\r\nstill nothing\r\n');
    writeFileSync(join(folder, 'iis.log'), '2024-03-12 08:00:00 GET /hub 200\n');
    const report = await analyzeLogs(fileInputs(folder));
    expect(report.verdict.detail).toMatch(
      /^Nothing in the 3 lines of 2 files \(.*iis\.log, .*notes\.txt\) names a proxy session/,
    );
  });

  it('still says an empty paste was empty', async () => {
    expect((await analyzeLogs([textInput('\r\n\r\n')])).verdict.detail).toBe(
      'The input was empty: there were no lines to read.',
    );
  });
});
