import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/shared-fixtures.js';

function newestMtime(dir: string): number {
  return Math.max(
    0,
    ...readdirSync(dir, { withFileTypes: true }).map((entry) => {
      const path = join(dir, entry.name);
      return entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs;
    }),
  );
}

describe('the installed command', () => {
  beforeAll(() => {
    // `npm ci` builds dist/ (prepare); rebuild when it is missing or older than the sources, as after an edit.
    const built = join(REPO_ROOT, 'dist', 'cli', 'main.js');
    if (!existsSync(built) || statSync(built).mtimeMs < newestMtime(join(REPO_ROOT, 'src'))) {
      execFileSync('npm', ['run', 'build'], { cwd: REPO_ROOT, stdio: 'ignore' });
    }
  }, 120_000);

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
    const result = spawnSync('sh', ['-c', '(node bin/qlik-sessions.js kb five-session-limit; echo "status=$?" >&2) | true'], {
      cwd: REPO_ROOT,
      env: { ...process.env, NO_COLOR: '1' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.stderr.trim()).toBe('status=0');
  }, 60_000);
});
