import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/cli-io.js';
import { main } from '../../src/cli/main.js';
import type { AnalysisReport } from '../../src/core/verdict/index.js';
import { scenario } from '../support/log-inputs.js';
import { APRIL_2018_LOG_DIR, hasSharedFixture, REPO_ROOT } from '../support/shared-fixtures.js';

async function run(
  args: readonly string[],
  options: { stdin?: string; env?: Record<string, string>; tty?: boolean } = {},
): Promise<{ status: number; stdout: string; stderr: string }> {
  const stdout: PassThrough & { isTTY?: boolean } = new PassThrough();
  if (options.tty === true) stdout.isTTY = true;
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (chunk: Buffer) => out.push(chunk));
  stderr.on('data', (chunk: Buffer) => err.push(chunk));
  const io: CliIo = {
    stdin: Readable.from([Buffer.from(options.stdin ?? '')]),
    stdout,
    stderr,
    env: options.env ?? {},
    cwd: REPO_ROOT,
  };
  const status = await main(['analyze', ...args], io);
  return { status, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}

const json = (stdout: string) => JSON.parse(stdout) as AnalysisReport;

/**
 * A file `name` in a new folder: a log (its rows copied `copies` times more) gzipped in stored blocks of at most
 * 64 KB, which inflate as they are, and cut after `fraction` of its bytes.
 */
function cutGzipFile(name: string, copies: number, fraction: number): string {
  const path = join(mkdtempSync(join(tmpdir(), 'qlik-sessions-')), name);
  const log = readFileSync(scenario('within-limit_AuditActivity_Proxy.txt'), 'utf8');
  const gzip = gzipSync(log + log.slice(log.indexOf('\n') + 1).repeat(copies), { level: 0 });
  writeFileSync(path, gzip.subarray(0, Math.floor(gzip.length * fraction)));
  return path;
}

describe('qlik-sessions analyze', () => {
  it('prints the verdict for a person: headline, table, fix steps', async () => {
    const { status, stdout, stderr } = await run([
      scenario('limit-reached-header-bom-crlf_AuditSecurity_Repository.txt'),
    ]);
    expect({ status, stderr }).toEqual({ status: 0, stderr: '' });
    expect(stdout.split('\n')[0]).toBe(
      'CORP\\mweber hit the limit of 5 parallel sessions at 2024-03-12 08:08:47 UTC and was denied 2 times (peak 5 parallel sessions).',
    );
    expect(stdout).toContain('Fix\n  1. Ask CORP\\mweber to close');
    expect(stdout).not.toContain('\u001b[');
  });

  it('--chart writes the timeline PNG of the verdict user when the report has a timeline, and says so when it has none', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'qlik-sessions-chart-'));
    const target = join(folder, 'timeline.png');
    const { status, stdout, stderr } = await run(['--chart', target, scenario('no-qlik-lines-iis-log.txt')]);
    expect(status).toBe(0);
    expect(stdout).toContain('No Qlik Sense session or licence lines were recognised');
    expect(stderr).toBe(
      `qlik-sessions analyze: no chart written to ${target}: no user's sessions were found to draw.\n`,
    );
  });

  it('prints the JSON contract with --json', async () => {
    const { status, stdout } = await run(['--json', scenario('two-nodes-time-zones')]);
    expect(status).toBe(0);
    expect(Object.keys(json(stdout))).toEqual(['verdict', 'findings', 'users', 'input']);
    expect(json(stdout).users[0]).toMatchObject({ user: 'CORP\\anna', peak: 4 });
  });

  it.for([[], ['-']])('reads stdin with %j', async (args) => {
    const { status, stdout } = await run([...args, '--json'], {
      stdin:
        "Access was denied for User: 'CORP\\jdoe', with AccessID 'a', SessionID: 'b', SessionCount: '5', Hostname: '::1', OperationType: 'UsageDenied'\n",
    });
    expect(status).toBe(0);
    expect(json(stdout).verdict).toMatchObject({ code: 'limit-reached', user: 'CORP\\jdoe' });
  });

  it('reads gzipped files', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'qlik-sessions-'));
    const path = join(folder, 'QS1_AuditActivity_Proxy_2024-03-12T08.00.00Z.log.gz');
    writeFileSync(path, gzipSync(readFileSync(scenario('within-limit_AuditActivity_Proxy.txt'))));
    const { status, stdout } = await run(['--json', path]);
    expect(status).toBe(0);
    expect(json(stdout).verdict).toMatchObject({ code: 'within-limit', user: 'CORP\\lee' });
  });

  it('says a file that is not gzip is unreadable, naming it', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'qlik-sessions-'));
    const path = join(folder, 'broken.txt.gz');
    writeFileSync(path, 'not gzip at all');
    const { status, stderr } = await run([path]);
    expect(status).toBe(2);
    expect(stderr).toContain(`cannot read ${path}: not a valid gzip file`);
  });

  it('analyses a gzip file without the .gz name up to where it is cut short, and says so', async () => {
    // Several stored blocks: the whole ones before the cut inflate (fflate gives nothing of one cut short).
    const path = cutGzipFile('QS1_AuditActivity_Proxy.log', 400, 0.8);
    const { status, stdout, stderr } = await run([path]);
    expect({ status, stderr }).toEqual({ status: 0, stderr: '' });
    expect(stdout).toContain('CORP\\lee');
    expect(stdout).toContain('was read only up to where its bytes stop making sense');
  });

  it('reads a .gz file cut short up to the cut, and says so', async () => {
    const path = cutGzipFile('QS1_AuditActivity_Proxy.txt.gz', 40, 0.7);
    const { status, stdout, stderr } = await run(['--json', path]);
    expect({ status, stderr }).toEqual({ status: 0, stderr: '' });
    expect(json(stdout).verdict).toMatchObject({ code: 'within-limit', user: 'CORP\\lee' });
    const text = await run([path]);
    expect(text.stdout).toContain('was read only up to where its bytes stop making sense');
  });

  it('exits 2 naming a missing path', async () => {
    const { status, stdout, stderr } = await run(['no/such/Log']);
    expect({ status, stdout }).toEqual({ status: 2, stdout: '' });
    expect(stderr).toContain('cannot read no/such/Log: no such file or folder');
  });

  it('exits 2 for a malformed --service-account', async () => {
    const { status, stderr } = await run([
      '--service-account',
      'qvservice',
      scenario('within-limit_AuditActivity_Proxy.txt'),
    ]);
    expect(status).toBe(2);
    expect(stderr).toContain('--service-account "qvservice" must be DIRECTORY\\user');
  });

  it('takes service accounts from --service-account and QLIK_SERVICE_ACCOUNTS', async () => {
    const path = scenario('near-limit-tabs-as-spaces_AuditActivity_Proxy.txt');
    const viaFlag = json((await run(['--json', '--service-account', 'CORP\\anna', path])).stdout);
    const viaEnv = json(
      (await run(['--json', path], { env: { QLIK_SERVICE_ACCOUNTS: 'DOMAIN\\x, corp\\ANNA' } })).stdout,
    );
    expect(viaFlag.users[0]?.serviceAccount).toBe(true);
    expect(viaEnv.users[0]?.serviceAccount).toBe(true);
  });

  it('says which logs to paste, and where they are, when nothing is recognised', async () => {
    const { status, stdout } = await run([scenario('no-qlik-lines-iis-log.txt')]);
    expect(status).toBe(0);
    expect(stdout).toContain(
      'C:\\ProgramData\\Qlik\\Sense\\Log\\Repository\\Audit\\<host>_AuditSecurity_Repository.txt',
    );
    expect(stdout).toContain('AuditActivity_Proxy.txt');
  });

  it('says a binary file is binary', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'qlik-sessions-'));
    const path = join(folder, 'logs.txt');
    writeFileSync(path, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 0, 0xff, 0xfe]));
    const { status, stdout } = await run([path]);
    expect(status).toBe(0);
    expect(stdout).toContain('is binary, not a text log');
  });

  it('says a damaged zip cannot be read, and what to do', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'qlik-sessions-'));
    const path = join(folder, 'QlikSenseLogCollectorOutput.zip');
    writeFileSync(path, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 0xff, 0xfe]));
    const { status, stdout } = await run([path]);
    expect(status).toBe(0);
    expect(stdout).toContain('looks like a zip archive, but the end of its central directory is missing');
  });

  it('answers an empty stdin with no-qlik-lines', async () => {
    const { status, stdout } = await run(['--json'], { stdin: '' });
    expect(status).toBe(0);
    expect(json(stdout).verdict.code).toBe('no-qlik-lines');
  });

  it.skipIf(!hasSharedFixture(APRIL_2018_LOG_DIR))('walks the real Log Collector folder recursively', async () => {
    const report = json((await run(['--json', APRIL_2018_LOG_DIR])).stdout);
    expect(report.verdict).toMatchObject({ code: 'no-license', user: 'DOMAIN\\administrator' });
    expect(report.users.find((user) => user.user === 'DOMAIN\\qvservice')).toMatchObject({
      sessionsStarted: 100,
      peak: 10,
    });
  });

  it.for([
    { env: {}, tty: true, color: true },
    { env: { NO_COLOR: '1' }, tty: true, color: false },
    { env: {}, tty: false, color: false },
  ])('colours the text only on a terminal without NO_COLOR ($env, tty $tty)', async ({ env, tty, color }) => {
    const { stdout } = await run([scenario('within-limit_AuditActivity_Proxy.txt')], { env, tty });
    expect(stdout.includes('\u001b[1m')).toBe(color);
  });
});
