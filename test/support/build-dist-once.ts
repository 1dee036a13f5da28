import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Outside dist/ so `npm pack` never ships it; written after each build with the build's start time. */
const STAMP = join(REPO_ROOT, 'node_modules', '.cache', 'qlik-sessions', 'dist-built-at');
const BUILT_FILES = [
  'src',
  'knowledge',
  'scripts/compile-knowledge.js',
  'tsconfig.json',
  'tsconfig.build.json',
  'package-lock.json',
];

/** The newest change under `path`: files and folders both, so a deleted or renamed source file counts too. */
function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

/** Whether dist/ is missing, or older than a source, a tsconfig or the installed packages. */
export function isStale(): boolean {
  if (!existsSync(STAMP) || !existsSync(join(REPO_ROOT, 'dist', 'cli', 'main.js'))) return true;
  const built = statSync(STAMP).mtimeMs;
  return BUILT_FILES.some((name) => existsSync(join(REPO_ROOT, name)) && newestChange(join(REPO_ROOT, name)) > built);
}

/** Rebuilds dist/ from scratch when any source changed since the last build; a no-op (a few stat calls) otherwise. */
export function buildDistIfStale(): void {
  if (!isStale()) return;
  const startedAt = new Date();
  // From scratch, so a moved or deleted source file leaves no old module behind to be loaded by mistake.
  rmSync(join(REPO_ROOT, 'dist'), { recursive: true, force: true });
  execFileSync(
    process.execPath,
    [join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'],
    {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  // As `npm run build` does: the compiled knowledge is what the installed command answers from.
  execFileSync(process.execPath, [join(REPO_ROOT, 'scripts', 'compile-knowledge.js')], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  mkdirSync(dirname(STAMP), { recursive: true });
  writeFileSync(STAMP, `${startedAt.toISOString()}\n`);
  // The start time, not the end: a source saved during the build makes the next run build again.
  utimesSync(STAMP, startedAt, startedAt);
}

/**
 * Vitest global setup: dist/ (the worker thread's script, the installed command) is built once before any test
 * file runs, never by a test while others run; in watch mode again before each rerun.
 */
export default function setup(project: TestProject): void {
  buildDistIfStale();
  project.onTestsRerun(() => buildDistIfStale());
}
