import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/shared-fixtures.js';

// dist/ is current: the global setup (test/support/build-dist-once.ts) builds it before any test file runs.
describe('the installed command', () => {
  it("answers `printf 'help\\n' | npx qlik-sessions shell` the way a user would run it", () => {
    const result = spawnSync('sh', ['-c', "printf 'help\\n' | npx qlik-sessions shell"], {
      cwd: REPO_ROOT,
      env: { ...process.env, NO_COLOR: '1', SLACK_BOT_TOKEN: '' },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^> help\n/);
    expect(result.stdout).toContain('Commands');
    expect(result.stdout).not.toContain('\u001b[');
  }, 120_000);

  it('stops quietly, with status 0, when the reader has already gone (`| true`)', () => {
    // `true` exits before node writes, so every write meets a closed pipe (EPIPE).
    const result = spawnSync(
      'sh',
      ['-c', '(node bin/qlik-sessions.js kb five-session-limit; echo "status=$?" >&2) | true'],
      {
        cwd: REPO_ROOT,
        env: { ...process.env, NO_COLOR: '1' },
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(result.stderr.trim()).toBe('status=0');
  }, 60_000);
});
