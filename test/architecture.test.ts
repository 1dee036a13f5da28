import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/shared-fixtures.js';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const FORBIDDEN_IN_CORE: readonly { readonly what: string; readonly pattern: RegExp }[] = [
  { what: '@slack/*', pattern: /from\s+['"]@slack\// },
  { what: 'node-fetch', pattern: /from\s+['"]node-fetch['"]/ },
  { what: 'node:fs', pattern: /from\s+['"](node:)?fs(\/promises)?['"]/ },
  { what: 'node:net', pattern: /from\s+['"](node:)?net['"]/ },
  { what: 'node:http(s)', pattern: /from\s+['"](node:)?https?['"]/ },
  { what: 'process.env', pattern: /process\.env/ },
  { what: 'dynamic import of I/O modules', pattern: /import\(\s*['"](node:)?(fs|net|https?)['"]/ },
  // Data flows adapter -> bot -> core: core knows nothing of the layers that use it.
  { what: 'the outer layers (bot, adapters, cli, config)', pattern: /from\s+['"](\.\.\/)+(bot|adapters|cli|config)\// },
];

describe('architecture', () => {
  const coreFiles = sourceFiles(join(REPO_ROOT, 'src', 'core'));

  it('has core source files to check', () => {
    expect(coreFiles.length).toBeGreaterThan(0);
  });

  it.for(FORBIDDEN_IN_CORE)('keeps $what out of src/core', ({ pattern }) => {
    const offenders = coreFiles.filter((file) => pattern.test(readFileSync(file, 'utf8'))).map((file) => relative(REPO_ROOT, file));
    expect(offenders).toEqual([]);
  });

  it('imports @slack/bolt only under src/adapters/slack', () => {
    const offenders = sourceFiles(join(REPO_ROOT, 'src'))
      .filter((file) => !relative(REPO_ROOT, file).startsWith(join('src', 'adapters', 'slack')))
      .filter((file) => /from\s+['"]@slack\/bolt['"]/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(REPO_ROOT, file));
    expect(offenders).toEqual([]);
  });

  it('reads process.env only where the process is wired (src/cli/cli-io.ts)', () => {
    const offenders = sourceFiles(join(REPO_ROOT, 'src'))
      .filter((file) => relative(REPO_ROOT, file) !== join('src', 'cli', 'cli-io.ts'))
      .filter((file) => /process\.env/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(REPO_ROOT, file));
    expect(offenders).toEqual([]);
  });
});
