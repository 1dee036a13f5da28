import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePortNobodyListensOn as freePort } from './free-port.js';

export interface RunningRedis {
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

/**
 * Whether `redis-server` can be run here. In CI a missing one fails the test file (.ci/run installs it);
 * elsewhere the tests that need it skip, with a notice so nobody mistakes a skip for a pass.
 */
export function hasRedisServer(): boolean {
  const found = spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
  if (found) return true;
  if (process.env['CI'] === 'true')
    throw new Error('redis-server is not installed: CI installs it (apt-get install redis-server).');
  console.warn(
    '[skip] redis-server is not installed; install it (apt-get install redis-server) to run the Redis tests.',
  );
  return false;
}

function waitUntilReady(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        child.stdout?.off('data', onData);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`redis-server exited (${code}) before it was ready:\n${output}`)));
  });
}

/** A throwaway redis-server on a free port, nothing written to disk but its temp dir. */
export async function startRedisServer(): Promise<RunningRedis> {
  const dir = mkdtempSync(join(tmpdir(), 'qlik-sessions-redis-'));
  for (let attempt = 1; ; attempt += 1) {
    const port = await freePort();
    const child = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    try {
      await waitUntilReady(child);
    } catch (error) {
      // Another process may have taken the port between freePort() and the spawn.
      if (attempt < 3) continue;
      rmSync(dir, { recursive: true, force: true });
      throw error;
    }
    child.stdout?.resume();
    return {
      url: `redis://127.0.0.1:${port}`,
      port,
      stop: async () => {
        if (child.exitCode === null) {
          const exited = new Promise((resolve) => child.once('exit', resolve));
          child.kill('SIGTERM');
          await exited;
        }
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
}
