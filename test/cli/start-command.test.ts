import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

describe('qlik-sessions start (bare qlik-sessions, npm start)', () => {
  it('without Slack credentials says in one line how to connect Slack, then runs the console', async () => {
    const run = await runCli([], 'help\n');
    expect(run.code).toBe(0);
    expect(run.stderr.trimEnd().split('\n')).toEqual([
      'Slack is not connected: set SLACK_BOT_TOKEN and SLACK_APP_TOKEN (see README "Install in your workspace"). Opening the local console.',
    ]);
    expect(run.stdout).toMatch(/^> help\n/);
  });

  it('stops with exit 2 and every configuration message when the configuration is invalid', async () => {
    const run = await runCli(['start'], '', { SLACK_BOT_TOKEN: 'xoxp-user-token', PORT: 'eighty' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('SLACK_BOT_TOKEN must be the bot token');
    expect(run.stdout).toBe('');
  });

  it('with a Slack bot token hands over to the serve command (here it stops at its own settings check)', async () => {
    const run = await runCli([], 'help\n', { SLACK_BOT_TOKEN: 'xoxb-0000-test' });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^qlik-sessions serve: Slack is not configured/);
    expect(run.stdout).toBe('');
  });
});
