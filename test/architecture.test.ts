import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
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
    const offenders = coreFiles
      .filter((file) => pattern.test(readFileSync(file, 'utf8')))
      .map((file) => relative(REPO_ROOT, file));
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

  describe('the dependency rule: adapter -> bot -> core, composed in src/main.ts only', () => {
    const graph = sourceFiles(join(REPO_ROOT, 'src')).map((file) => ({
      file: relative(join(REPO_ROOT, 'src'), file).split(sep).join('/'),
      imports: importsOf(file),
    }));

    it('reads the imports of every source file', () => {
      expect(graph.find((node) => node.file === 'main.ts')?.imports.length).toBeGreaterThan(0);
    });

    it('keeps Slack syntax out of src/bot: the Slack adapter decodes and renders it', () => {
      const slackSyntax = /<[@#!]|&(?:lt|gt|amp);|mrkdwn|unescapeSlack/i;
      const offenders = sourceFiles(join(REPO_ROOT, 'src', 'bot'))
        .filter((file) => slackSyntax.test(readFileSync(file, 'utf8')))
        .map((file) => relative(REPO_ROOT, file));
      expect(offenders).toEqual([]);
    });

    it('keeps config, adapters, cli and main out of src/bot', () => {
      const offenders = graph
        .filter((node) => node.file.startsWith('bot/'))
        .flatMap((node) =>
          node.imports
            .filter((target) => /^(config|adapters|cli)\/|^main\.ts$|^@slack\//.test(target.path))
            .map((target) => `${node.file} -> ${target.path}`),
        );
      expect(offenders).toEqual([]);
    });

    it('keeps adapters from importing each other, the CLI or main', () => {
      const offenders = graph
        .filter((node) => node.file.startsWith('adapters/'))
        .flatMap((node) =>
          node.imports
            .filter(
              (target) =>
                (adapterOf(target.path) !== undefined && adapterOf(target.path) !== adapterOf(node.file)) ||
                /^cli\/|^main\.ts$/.test(target.path),
            )
            .map((target) => `${node.file} -> ${target.path}`),
        );
      expect(offenders).toEqual([]);
    });

    it('keeps config to itself and core', () => {
      const offenders = graph
        .filter((node) => node.file.startsWith('config/'))
        .flatMap((node) =>
          node.imports
            .filter((target) => /^(bot|adapters|cli)\/|^main\.ts$/.test(target.path))
            .map((target) => `${node.file} -> ${target.path}`),
        );
      expect(offenders).toEqual([]);
    });

    it('lets only src/main.ts import more than one adapter', () => {
      const offenders = graph
        .filter((node) => node.file !== 'main.ts')
        .map((node) => ({
          file: node.file,
          adapters: [
            ...new Set(node.imports.map((target) => adapterOf(target.path)).filter((name) => name !== undefined)),
          ],
        }))
        .filter((node) => node.adapters.length > 1)
        .map((node) => `${node.file}: ${node.adapters.join(', ')}`);
      expect(offenders).toEqual([]);
    });

    it('loads the Slack adapter only when serving: nothing outside it imports it statically (types aside)', () => {
      const offenders = graph
        .filter((node) => adapterOf(node.file) !== 'slack')
        .flatMap((node) =>
          node.imports
            .filter((target) => adapterOf(target.path) === 'slack' && target.kind === 'static')
            .map((target) => `${node.file} -> ${target.path}`),
        );
      expect(offenders).toEqual([]);
    });
  });
});

interface ImportTarget {
  /** Relative to src/ for our own modules (`bot/index.ts`), the package name otherwise. */
  readonly path: string;
  readonly kind: 'static' | 'dynamic' | 'type';
}

const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Every module a file imports or re-exports, statically, by type only, or with import(). */
function importsOf(file: string): ImportTarget[] {
  const text = readFileSync(file, 'utf8');
  const targets: ImportTarget[] = [];
  for (const match of text.matchAll(IMPORT)) {
    const specifier = match[2] ?? match[3] ?? '';
    const kind = match[3] !== undefined ? 'dynamic' : match[1] !== undefined ? 'type' : 'static';
    const path = specifier.startsWith('.')
      ? relative(join(REPO_ROOT, 'src'), resolve(dirname(file), specifier))
          .split(sep)
          .join('/')
          .replace(/\.js$/, '.ts')
      : specifier;
    targets.push({ path, kind });
  }
  return targets;
}

/** `slack` for src/adapters/slack/..., undefined outside the adapters. */
function adapterOf(path: string): string | undefined {
  return /^adapters\/([^/]+)\//.exec(path)?.[1];
}
