import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../support/run-cli.js';
import { APRIL_2018_LOG_DIR, hasSharedFixture } from '../../support/shared-fixtures.js';

const REPOSITORY_AUDIT = join(APRIL_2018_LOG_DIR, 'Repository', 'Audit', 'QLIKSERVER1_AuditSecurity_Repository.txt');

/** The replies of a piped run: each starts with the echo of the message it answers. */
function replies(stdout: string): string[] {
  return stdout.split(/^(?=> )/m).filter((part) => part.trim() !== '');
}

/** Lines of a real log, without the header row and the BOM, as someone would copy them out of an editor. */
function realLogLines(): string[] {
  return readFileSync(REPOSITORY_AUDIT, 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .slice(1)
    .filter((line) => line !== '');
}

/** What a paste looks like after Slack: TABs turned into spaces, &, <, > escaped, inside ``` fences. */
function slackMangled(lines: readonly string[]): string {
  const escaped = lines.map((line) =>
    line.replace(/\t/g, '    ').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
  );
  return ['why does the hub refuse this user? ```', ...escaped, '```'].join('\n');
}

describe('qlik-sessions shell, piped', () => {
  it('answers help with the commands and the log files to take', async () => {
    const run = await runCli(['shell'], 'help\n');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(replies(run.stdout)).toHaveLength(1);
    expect(run.stdout).toMatch(/^> help\n/);
    expect(run.stdout).toContain('Commands');
    expect(run.stdout).toContain('AuditSecurity_Repository.txt');
  });

  it('answers the hub error with the five-session entry', async () => {
    const run = await runCli(
      ['shell'],
      'You cannot access Qlik Sense because you have too many sessions active in parallel\n',
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Knowledge: five-session-limit/);
  });

  it('points off-topic text to help in one line', async () => {
    const run = await runCli(['shell'], 'what is the weather in Paris tomorrow?\n');
    expect(run.code).toBe(0);
    const [reply = ''] = replies(run.stdout);
    expect(reply.trim().split('\n')).toHaveLength(2);
    expect(reply).toContain('Type "help"');
  });

  it('runs each line as a message, in order, and exits 0 at the end of input without a final newline', async () => {
    const run = await runCli(['shell'], 'help\nkb\n/qlik-sessions sessions CORP\\jdoe');
    expect(run.code).toBe(0);
    expect(replies(run.stdout).map((reply) => reply.split('\n')[0])).toEqual([
      '> help',
      '> kb',
      '> /qlik-sessions sessions CORP\\jdoe',
    ]);
    expect(run.stdout).toContain('kb five-session-limit');
    expect(run.stdout).toContain('QLIK_PROXY_URLS');
  });

  it('exits 0 with no output on empty input', async () => {
    expect(await runCli(['shell'], '')).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('refuses unknown flags with exit 2', async () => {
    const run = await runCli(['shell', '--colour'], '');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Usage: qlik-sessions shell');
  });

  it('stops with exit 2 and the variable name when the configuration is invalid', async () => {
    const run = await runCli(['shell'], 'help\n', { QLIK_SERVICE_ACCOUNTS: 'qvservice' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('QLIK_SERVICE_ACCOUNTS');
    expect(run.stdout).toBe('');
  });
});

describe.skipIf(!hasSharedFixture(REPOSITORY_AUDIT))('qlik-sessions shell with real Qlik Sense log lines', () => {
  it('answers a pasted log, with the question before it, with one verdict', async () => {
    const lines = realLogLines();
    const run = await runCli(['shell'], ['help', 'why was this user refused?', ...lines, 'kb'].join('\n'));
    expect(run.code).toBe(0);
    const [help, verdict = '', kb] = replies(run.stdout);
    expect(help).toMatch(/^> help\n/);
    expect(verdict.split('\n')[0]).toBe(`> why was this user refused? (+${lines.length} more lines)`);
    expect(verdict.split('\n')[1]).toMatch(
      /^DOMAIN\\administrator was refused access .* because no access pass \(licence\) was available to them\.$/,
    );
    expect(kb).toMatch(/^> kb\n/);
  });

  it('reads a paste in the Slack-mangled shape as the same log', async () => {
    const lines = realLogLines();
    const plain = replies((await runCli(['shell'], lines.join('\n'))).stdout)[0] ?? '';
    const mangled = replies((await runCli(['shell'], slackMangled(lines))).stdout);
    expect(mangled).toHaveLength(1);
    // Same verdict either way; only the echo and the line counts differ (the question and the fences are lines too).
    const verdictOf = (reply: string) =>
      reply
        .split('\n')
        .slice(1)
        .join('\n')
        .replace(/\b\d+ (of \d+ )?lines\b/g, 'N lines');
    expect(verdictOf(mangled[0] ?? '')).toEqual(verdictOf(plain));
    expect(plain.split('\n')[1]).toContain('DOMAIN\\administrator');
  });
});
