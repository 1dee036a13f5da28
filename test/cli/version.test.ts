import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands.js';
import { main } from '../../src/cli/main.js';
import { capturedIo } from '../support/captured-cli-io.js';

const VERSION = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

describe('--version', () => {
  it.for([['--version'], ['-V'], ...COMMANDS.map((command) => [command.name, '--version'])])(
    'qlik-sessions %s prints the version and exits 0',
    async (argv) => {
      const captured = capturedIo({});
      expect(await main(argv, captured.io)).toBe(0);
      expect(captured.stdout()).toBe(`qlik-sessions ${VERSION} (Node.js ${process.version})\n`);
      expect(captured.stderr()).toBe('');
    },
  );

  it('leaves --version after -- to the command (ask about the words themselves)', async () => {
    const captured = capturedIo({});
    expect(await main(['ask', '--json', '--', '--version'], captured.io)).toBe(0);
    expect(captured.stdout()).not.toContain(`qlik-sessions ${VERSION}`);
  });
});
