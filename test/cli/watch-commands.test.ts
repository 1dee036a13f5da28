import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWatchCommand } from '../../src/cli/watch-command.js';
import { capturedIo } from '../support/captured-cli-io.js';
import { QlikNodeLogs } from '../support/qlik-log-writer.js';
import { runCli } from '../support/run-cli.js';
import { waitFor } from '../support/wait-for.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'qlik-cli-watch-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function fiveSessions(user: string): void {
  const node = new QlikNodeLogs(join(dir, 'Log'), 'QS1', 120);
  for (let index = 0; index < 5; index++) node.start(Date.now() - 60_000 + index * 1000, user, `s${index}`, '10.0.0.5');
  node.denyAtLimit(Date.now() - 30_000, user, 's5', '::ffff:10.0.0.5');
}

describe('qlik-sessions why', () => {
  it('prints the verdict for the user from QLIK_LOG_DIR as JSON, with the span and the files read', async () => {
    fiveSessions('CORP\\mweber');
    const run = await runCli(['why', 'CORP\\mweber', '--since', '1h', '--json'], '', {
      QLIK_LOG_DIR: join(dir, 'Log'),
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as {
      user: string;
      files: { read: number };
      verdict: { code: string; user: string };
      from: string;
    };
    expect(json).toMatchObject({
      user: 'CORP\\mweber',
      files: { read: 3 },
      verdict: { code: 'limit-reached', user: 'CORP\\mweber' },
    });
    expect(Date.parse(json.from)).toBeGreaterThan(Date.now() - 3_700_000);
  });

  it('says how to set QLIK_LOG_DIR, and refuses a bad user or span with exit 2', async () => {
    const unset = await runCli(['why', 'CORP\\mweber'], '');
    expect(unset.code).toBe(2);
    expect(unset.stderr).toContain('QLIK_LOG_DIR is not set: set it to the Qlik Sense log folders');
    expect((await runCli(['why', 'mweber'], '', { QLIK_LOG_DIR: dir })).stderr).toContain(
      '"mweber" is not a Qlik user name',
    );
    expect((await runCli(['why', 'CORP\\mweber', '--since', 'ages'], '', { QLIK_LOG_DIR: dir })).stderr).toContain(
      'write it like 2h',
    );
  });
});

describe('qlik-sessions watch', () => {
  it('prints each alert as one JSON object a line, and stops on the signal', async () => {
    const captured = capturedIo({
      QLIK_LOG_DIR: join(dir, 'Log'),
      QLIK_WATCH_INTERVAL_SECONDS: '1',
      QLIK_WATCH_STATE: join(dir, 'state.json'),
    });
    fiveSessions('CORP\\mweber');
    const stop = () =>
      waitFor(
        () => captured.stdout().includes('"refused"') && captured.stdout().includes('"at-limit"'),
        'both alerts',
      ).then(() => 'SIGTERM');
    expect(await createWatchCommand(stop).run(['--json'], captured.io)).toBe(0);
    const lines = captured
      .stdout()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { cause: string; user: string; count: number; nodes: string[] });
    expect(lines.map((line) => line.cause).sort()).toEqual(['at-limit', 'refused']);
    expect(lines.find((line) => line.cause === 'at-limit')).toMatchObject({
      user: 'CORP\\mweber',
      count: 5,
      nodes: ['QS1'],
    });
    expect(captured.stderr()).toContain('SIGTERM: stopping.');
  }, 20_000);

  it('prints text lines by default, and says what to set when there is nothing to watch', async () => {
    const captured = capturedIo({ QLIK_LOG_DIR: join(dir, 'Log'), QLIK_WATCH_INTERVAL_SECONDS: '1' });
    fiveSessions('CORP\\mweber');
    const stop = () => waitFor(() => captured.stdout().includes('at-limit'), 'the alert').then(() => 'SIGINT');
    expect(await createWatchCommand(stop).run([], captured.io)).toBe(0);
    expect(captured.stdout()).toMatch(/UTC {2}at-limit {2}CORP\\mweber has 5 parallel sessions on QS1/);
    expect(captured.stderr()).toContain('QLIK_WATCH_STATE is not set');
    const nothing = await runCli(['watch'], '');
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toContain('Nothing to watch: set QLIK_LOG_DIR');
  }, 20_000);
});
