import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // dist/ (the analysis worker's script, the installed command) is built here, before any test file runs.
    globalSetup: ['test/support/build-dist-once.ts'],
    // Spawned CLIs and real local servers make some tests slower than the default 5 s on a busy 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
