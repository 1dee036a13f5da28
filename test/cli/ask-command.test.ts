import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/cli-io.js';
import { main } from '../../src/cli/index.js';

function testIo(env: Record<string, string> = {}, stdinText = '') {
  const out: string[] = [];
  const err: string[] = [];
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  stdout.on('data', (chunk: Buffer) => out.push(chunk.toString()));
  stderr.on('data', (chunk: Buffer) => err.push(chunk.toString()));
  const stdin = new PassThrough();
  stdin.end(stdinText);
  const io: CliIo = { stdin, stdout, stderr, env, cwd: process.cwd() };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}

describe('qlik-sessions ask', () => {
  it('prints the JSON contract: matches with id, title, score, and autoReply', async () => {
    const { io, stdout } = testIo();
    expect(await main(['ask', 'hub says', 'too many sessions active in paralell', '--json'], io)).toBe(0);
    const body = JSON.parse(stdout()) as {
      matches: { id: string; title: string; score: number }[];
      autoReply: boolean;
    };
    expect(Object.keys(body)).toEqual(['matches', 'autoReply']);
    expect(body.autoReply).toBe(true);
    expect(body.matches[0]).toEqual({
      id: 'five-session-limit',
      title: 'Qlik Sense allows five parallel sessions per user',
      score: expect.any(Number),
    });
    expect(body.matches.length).toBeLessThanOrEqual(3);
  });

  it('says when it would stay quiet, and lists the matches for a question', async () => {
    const { io, stdout } = testIo();
    expect(await main(['ask', 'how do I kill all sessions of a user?'], io)).toBe(0);
    expect(stdout()).toMatch(/^Auto-reply: no\n1\. end-sessions +\d\.\d\d {2}End a user's sessions\n/);
  });

  it('explains which terms, triggers and signals decided', async () => {
    const { io, stdout } = testIo();
    expect(await main(['ask', '--explain', 'OnMaxParallelSessionsExceeded from enigma'], io)).toBe(0);
    expect(stdout()).toContain('Signals: max-parallel-push (quotes OnMaxParallelSessionsExceeded)');
    expect(stdout()).toMatch(/five-session-limit: total \d+\.\d\d = terms \[/);
    expect(stdout()).toContain('signal boost: 10');
  });

  it('says autoReply true for a pasted denial line, which the bot answers with a verdict', async () => {
    const { io, stdout } = testIo();
    const line =
      "Login access denied for SessionID: 'b2c7a1d0-1111-2222-3333-444455556666', Hostname: \"10.0.4.17\", OperationType: 'UsageDenied'";
    expect(await main(['ask', line, '--json'], io)).toBe(0);
    const body = JSON.parse(stdout()) as { matches: { id: string }[]; autoReply: boolean };
    expect(body.autoReply).toBe(true);
    expect(body.matches[0]?.id).toBe('no-license-assigned');
  });

  it('explains a cause named beside the quoted error', async () => {
    const { io, stdout } = testIo();
    expect(
      await main(['ask', '--explain', 'too many sessions active in parallel since we use two virtual proxies'], io),
    ).toBe(0);
    expect(stdout()).toMatch(/^1\. virtual-proxy-sessions /m);
    expect(stdout()).toMatch(
      /the cause named beside the quoted error \(\d+\.\d\d beyond its words\): ranked before five-session-limit/,
    );
  });

  it('explains a topic no entry covers, and why a general statement of the limit names no cause', async () => {
    const uncovered = testIo();
    expect(await main(['ask', '--explain', 'is there a limit on parallel reload tasks per node?'], uncovered.io)).toBe(
      0,
    );
    expect(uncovered.stdout()).toContain(
      'Not covered by any entry: other-limit (a limit on something other than sessions)',
    );
    const general = testIo();
    expect(
      await main(
        ['ask', '--explain', 'users get too many sessions active in parallel: the sixth authentication attempt fails'],
        general.io,
      ),
    ).toBe(0);
    expect(general.stdout()).toMatch(/^1\. five-session-limit /m);
    expect(general.stdout()).not.toContain('the cause named beside the quoted error');
  });

  it('reads the message from stdin with -', async () => {
    const { io, stdout } = testIo({}, 'You cannot access Qlik Sense because you have no access pass\n');
    expect(await main(['ask', '-', '--json'], io)).toBe(0);
    expect(JSON.parse(stdout())).toMatchObject({
      autoReply: true,
      matches: [{ id: 'no-access-pass-message' }, { id: 'no-license-assigned' }],
    });
  });

  it.for([
    { name: 'no text', args: ['ask'], error: 'give the message to match' },
    { name: 'an unknown flag', args: ['ask', '--verbose', 'x'], error: "Unknown option '--verbose'" },
  ])('exits 2 with a message for $name', async ({ args, error }) => {
    const { io, stderr } = testIo();
    expect(await main(args, io)).toBe(2);
    expect(stderr()).toContain(error);
  });

  it('exits 2 naming the folder when QLIK_KB_DIR cannot be read', async () => {
    const { io, stderr } = testIo({ QLIK_KB_DIR: '/nonexistent/qlik-kb' });
    expect(await main(['ask', 'too many sessions'], io)).toBe(2);
    expect(stderr()).toContain('QLIK_KB_DIR /nonexistent/qlik-kb cannot be read');
  });
});

describe('qlik-sessions kb', () => {
  it('lists the entries', async () => {
    const { io, stdout } = testIo();
    expect(await main(['kb'], io)).toBe(0);
    expect(stdout().split('\n')[0]).toBe('five-session-limit       Qlik Sense allows five parallel sessions per user');
    expect(stdout()).toContain('qlik-cloud-sessions      Qlik Cloud: no parallel-session limit for Professional users');
  });

  it('lists the entries as JSON', async () => {
    const { io, stdout } = testIo();
    expect(await main(['kb', '--json'], io)).toBe(0);
    const body = JSON.parse(stdout()) as { entries: { id: string }[] };
    expect(body.entries).toHaveLength(13);
    expect(body.entries[0]).toMatchObject({
      id: 'five-session-limit',
      related: expect.arrayContaining(['count-sessions']),
    });
  });

  it('shows one entry as text with its sections and sources', async () => {
    const { io, stdout } = testIo();
    expect(await main(['kb', 'service-account-license'], io)).toBe(0);
    expect(stdout()).toMatch(/^The Qlik Sense service account holds a licence\n\nAnswer\n/);
    expect(stdout()).toContain('\nFix\n  1. In the QMC');
    expect(stdout()).toContain('\nHow to confirm\n');
    expect(stdout()).toContain('Qlik Fix: How to fix "Too many sessions active in parallel"');
  });

  it('shows one entry as JSON, whatever the case of the id', async () => {
    const { io, stdout } = testIo();
    expect(await main(['kb', 'End-Sessions', '--json'], io)).toBe(0);
    expect(JSON.parse(stdout())).toMatchObject({
      id: 'end-sessions',
      fix: expect.any(Array),
      sources: expect.any(Array),
    });
  });

  it('suggests the id a mistyped one likely meant', async () => {
    const { io, stderr } = testIo();
    expect(await main(['kb', 'five-sesion-limit'], io)).toBe(2);
    expect(stderr()).toContain('no entry "five-sesion-limit". Did you mean "qlik-sessions kb five-session-limit"?');
  });

  it('exits 2 with the list of ids for an unknown id', async () => {
    const { io, stderr } = testIo();
    expect(await main(['kb', 'five-sessions'], io)).toBe(2);
    expect(stderr()).toContain('no entry "five-sessions". Known ids:\n  five-session-limit\n');
  });
});
