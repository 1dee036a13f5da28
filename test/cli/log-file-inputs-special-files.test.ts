import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logFileInputs } from '../../src/cli/log-file-inputs.js';

const LINE =
  "Access was denied for User: 'CORP\\mweber', with AccessID 'a', SessionID: 'b', SessionCount: '5', Hostname: '::1', OperationType: 'UsageDenied'\n";

describe('analyze inputs that are not plain files', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'qlik-special-'));
    execFileSync('mkfifo', [join(dir, 'pipe.txt')]);
    mkdirSync(join(dir, 'share', 'Proxy'), { recursive: true });
    writeFileSync(join(dir, 'share', 'Proxy', 'QS2_AuditActivity_Proxy.txt'), LINE);
    mkdirSync(join(dir, 'Log', 'Repository'), { recursive: true });
    writeFileSync(join(dir, 'Log', 'Repository', 'QS1_AuditSecurity_Repository.txt'), LINE);
    // A node's log folder linked in, a log file linked in, a link back up (a loop), a broken link and a FIFO.
    symlinkSync(join(dir, 'share'), join(dir, 'Log', 'qs2'));
    symlinkSync(join(dir, 'Log', 'Repository', 'QS1_AuditSecurity_Repository.txt'), join(dir, 'Log', 'linked.txt'));
    symlinkSync(join(dir, 'Log'), join(dir, 'Log', 'Repository', 'loop'));
    symlinkSync(join(dir, 'nowhere.txt'), join(dir, 'Log', 'broken.txt'));
    symlinkSync(join(dir, 'pipe.txt'), join(dir, 'Log', 'pipe-link.txt'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a FIFO named on the command line at once, saying what to do, instead of hanging', async () => {
    const result = await logFileInputs(['pipe.txt'], dir);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error.message).toBe(
        'pipe.txt: is a named pipe (FIFO), not a regular file: save the log to a file, or pipe it in with `-`',
      );
  });

  it('refuses a device', async () => {
    const result = await logFileInputs(['/dev/zero'], dir);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.reason).toContain('is a device, not a regular file');
  });

  it('reads symlinked logs and linked folders in a folder, each folder once, and skips FIFOs and broken links', async () => {
    const result = await logFileInputs(['Log'], dir);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.inputs.map((input) => input.name).sort()).toEqual([
      join('Log', 'Repository', 'QS1_AuditSecurity_Repository.txt'),
      join('Log', 'linked.txt'),
      join('Log', 'qs2', 'Proxy', 'QS2_AuditActivity_Proxy.txt'),
    ]);
    for (const input of result.inputs) {
      const chunks: Uint8Array[] = [];
      for await (const chunk of input.chunks) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
      expect(Buffer.concat(chunks).toString('utf8')).toBe(LINE);
    }
  });

  it('reads a symlink to a log named on the command line', async () => {
    const result = await logFileInputs([join('Log', 'linked.txt')], dir);
    expect(result.ok && result.inputs.map((input) => input.name)).toEqual([join('Log', 'linked.txt')]);
  });
});
