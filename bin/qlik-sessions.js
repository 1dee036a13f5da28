#!/usr/bin/env node
// The installed command. dist/ is built by `npm run build` (a development install does it on `npm ci`) and ships
// ready in the release tarball and the container image.
let cli;
try {
  cli = await import('../dist/cli/main.js');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist')) throw error;
  process.stderr.write(
    'qlik-sessions is not built (dist/ is missing). In a checkout run `npm ci` (with the dev dependencies) or `npm run build`; ' +
      'for production install the release tarball (npm pack) or use the container image.\n',
  );
  process.exit(2);
}
process.exitCode = await cli.main(process.argv.slice(2));
