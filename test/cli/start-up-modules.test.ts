import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/shared-fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'qlik-start-up-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The installed command run cold, with the modules it loaded (ES modules and CommonJS alike). */
function traced(
  args: readonly string[],
  env: Record<string, string> = {},
): { stdout: string; status: number | null; loaded: string[] } {
  const trace = join(dir, `modules-${Math.random().toString(36).slice(2)}.txt`);
  const result = spawnSync(
    process.execPath,
    ['--import', './test/support/trace-modules.mjs', 'bin/qlik-sessions.js', ...args],
    {
      cwd: REPO_ROOT,
      env: { PATH: process.env['PATH'] ?? '', TRACE_MODULES_TO: trace, ...env },
      encoding: 'utf8',
    },
  );
  return {
    stdout: result.stdout,
    status: result.status,
    loaded: readFileSync(trace, 'utf8')
      .split('\n')
      .filter((line) => line !== ''),
  };
}

const heavy = (loaded: readonly string[]) =>
  loaded.filter((module) => /node_modules[\\/](zod|yaml|@slack)[\\/]/.test(module));

describe('start-up of a one-shot command', () => {
  it('answers `ask --json` from the compiled knowledge and index without loading yaml, zod or the Slack stack', () => {
    const cold = traced(['ask', 'too many sessions', '--json']);
    expect(cold.status).toBe(0);
    expect(JSON.parse(cold.stdout)).toMatchObject({ matches: [{ id: 'five-session-limit' }] });
    expect(cold.loaded.some((module) => module.includes('/dist/core/knowledge/knowledge-base.js'))).toBe(true);
    expect(heavy(cold.loaded)).toEqual([]);
    // The matcher and what it reads, no more: not the log reader (nor its zip library), not the bot's other replies.
    const unneeded =
      /\/dist\/(core\/logs\/read-log-inputs|core\/sessions\/|bot\/verdict-reply)|node_modules[\\/]fflate[\\/]/;
    expect(cold.loaded.filter((module) => unneeded.test(module))).toEqual([]);
  });

  it('gives the same answer when a setting needs the schema (zod then loads), and kb lists entries without yaml', () => {
    const cold = traced(['ask', 'too many sessions', '--json']);
    const withSetting = traced(['ask', 'too many sessions', '--json'], { PORT: '3000' });
    expect(withSetting.stdout).toBe(cold.stdout);
    expect(withSetting.loaded.some((module) => /node_modules[\\/]zod[\\/]/.test(module))).toBe(true);
    const kb = traced(['kb', '--json']);
    expect(kb.status).toBe(0);
    expect(kb.loaded.filter((module) => /node_modules[\\/]yaml[\\/]/.test(module))).toEqual([]);
  });

  it('analyses logs without loading the bot, the app or the picture renderer (a native addon) unless asked to', () => {
    const log = join(REPO_ROOT, 'test', 'fixtures', 'logs', 'within-limit_AuditActivity_Proxy.txt');
    const plain = traced(['analyze', log, '--json']);
    expect(plain.status).toBe(0);
    expect(JSON.parse(plain.stdout)).toMatchObject({ verdict: { code: 'within-limit' } });
    expect(plain.loaded.filter((module) => module.includes('resvg'))).toEqual([]);
    // --json needs settings only: the bot's replies and the app's composition load for the text reply.
    expect(plain.loaded.filter((module) => /\/dist\/(bot\/|main\.js)/.test(module))).toEqual([]);
    const text = traced(['analyze', log]);
    expect(text.status).toBe(0);
    expect(text.loaded.some((module) => module.includes('/dist/bot/verdict-reply.js'))).toBe(true);
    const chart = join(dir, 'chart.png');
    const pictured = traced(['analyze', log, '--json', '--chart', chart]);
    expect(pictured.stdout).toBe(plain.stdout);
    expect(pictured.loaded.some((module) => module.includes('resvg'))).toBe(true);
  });
});
