#!/usr/bin/env node
// `prepare` runs on every `npm ci`/`npm install` of this checkout. A development install (TypeScript present)
// builds dist/; a production install (`npm ci --omit=dev`) has no compiler, so it says so and leaves dist/ as it
// is: the release tarball (`npm pack`, built by `prepack`) and the container image ship dist/ ready to run.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

// npm pack and publish run prepack (which builds) and then prepare: one build is enough.
if (process.env.npm_command === 'pack' || process.env.npm_command === 'publish') process.exit(0);

const require = createRequire(import.meta.url);
let hasTypeScript = true;
try {
  require.resolve('typescript');
} catch {
  hasTypeScript = false;
}
if (!hasTypeScript) {
  console.log(
    'qlik-sessions: no TypeScript here (a production install): not building. Run it from the release tarball or image, or `npm ci && npm run build` first.',
  );
  process.exit(0);
}
const build = spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit', shell: process.platform === 'win32' });
process.exit(build.status ?? 1);
