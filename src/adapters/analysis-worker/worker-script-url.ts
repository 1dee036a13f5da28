/**
 * The worker thread's script. A Worker cannot load TypeScript, so from the sources (under vitest) it is the one
 * built into dist/, which the test run builds before any test file (test/support/build-dist-once.ts).
 */
export function workerScriptUrl(moduleUrl: string = import.meta.url): URL {
  return moduleUrl.endsWith('.ts')
    ? new URL('../../../dist/adapters/analysis-worker/analysis-worker-thread.js', moduleUrl)
    : new URL('./analysis-worker-thread.js', moduleUrl);
}
