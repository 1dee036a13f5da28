import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands.js';
import { COMMAND_LOADERS } from '../../src/cli/command-loaders.js';
import { main } from '../../src/cli/main.js';
import { capturedIo } from '../support/captured-cli-io.js';

describe('main', () => {
  it.for(
    COMMANDS.flatMap((command) =>
      ['--help', '-h'].map((flag) => ({ name: command.name, synopsis: command.synopsis, flag })),
    ),
  )('$name $flag prints the usage of that command and exits 0', async ({ name, synopsis, flag }) => {
    const captured = capturedIo();
    expect(await main([name, flag], captured.io)).toBe(0);
    expect(captured.stdout().startsWith(`Usage: qlik-sessions ${synopsis}\n\n`)).toBe(true);
    expect(captured.stderr()).toBe('');
  });

  it('keeps --help after -- as an argument', async () => {
    const captured = capturedIo();
    expect(await main(['ask', '--json', '--', '--help'], captured.io)).toBe(0);
    expect(JSON.parse(captured.stdout())).toEqual({ matches: [], autoReply: false });
  });

  it.for([
    { argv: ['hlep'], meant: 'qlik-sessions help' },
    { argv: ['sesions', 'CORP\\jdoe'], meant: 'qlik-sessions sessions CORP\\jdoe' },
    { argv: ['anaylze', 'x.txt'], meant: 'qlik-sessions analyze x.txt' },
  ])('suggests what $argv.0 likely meant and exits 2', async ({ argv, meant }) => {
    const captured = capturedIo();
    expect(await main(argv, captured.io)).toBe(2);
    expect(captured.stderr()).toContain(`unknown command "${argv[0] ?? ''}". Did you mean "${meant}"?`);
  });

  it.for([
    ['analyse', 'analyze'],
    ['licences', 'licenses'],
  ])('reads %s as %s, as the chat does', async ([alias, name]) => {
    const captured = capturedIo();
    expect(await main([alias ?? '', '--help'], captured.io)).toBe(0);
    expect(captured.stdout()).toMatch(new RegExp(`^Usage: qlik-sessions ${name ?? ''}\\b`));
  });

  it('names an unknown command and exits 2', async () => {
    const captured = capturedIo();
    expect(await main(['nonsense'], captured.io)).toBe(2);
    expect(captured.stderr()).toContain('unknown command "nonsense"');
  });
});

describe('the command loaders', () => {
  it('name every command of the usage text, in its order, and load that command', async () => {
    expect(Object.keys(COMMAND_LOADERS)).toEqual(COMMANDS.map((command) => command.name));
    for (const command of COMMANDS) expect(await COMMAND_LOADERS[command.name]?.()).toBe(command);
  });
});
