import { readFileSync } from 'node:fs';

/** The package's version, read from package.json beside src/ (or dist/) so it is the one that was installed. */
export function packageVersion(): string {
  const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  const version = (JSON.parse(text) as { version?: unknown }).version;
  return typeof version === 'string' ? version : 'unknown';
}

/** What `--version` prints on every command. */
export function versionLine(): string {
  return `qlik-sessions ${packageVersion()} (Node.js ${process.version})\n`;
}
