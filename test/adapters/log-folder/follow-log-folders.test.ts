import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileWatchState, followLogFolders } from '../../../src/adapters/log-folder/index.js';
import type { LogFeed, NodeEvent } from '../../../src/bot/index.js';
import { QlikNodeLogs } from '../../support/qlik-log-writer.js';

const NOW = Date.UTC(2026, 11, 1, 9, 0, 0);
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'qlik-follow-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function opens(events: readonly NodeEvent[]): string[] {
  return events.flatMap(({ event, node }) =>
    event.kind === 'session-opened' && event.via === 'start' ? [`${node}:${event.sessionId ?? ''}`] : [],
  );
}

function logins(events: readonly NodeEvent[]): string[] {
  return events.flatMap(({ event }) =>
    event.kind === 'session-opened' && event.via === 'login' ? [`${event.sessionId ?? ''}@${event.client ?? ''}`] : [],
  );
}

async function feed(stateFile = join(dir, 'state.json'), tailBytes?: number): Promise<LogFeed> {
  return followLogFolders({
    folders: [join(dir, 'Log')],
    state: createFileWatchState(stateFile).section('positions'),
    now: () => NOW,
    ...(tailBytes === undefined ? {} : { tailBytes }),
  });
}

describe('followLogFolders', () => {
  it('reads new lines as they are appended, and a half-written line only once it is whole', async () => {
    const node = new QlikNodeLogs(join(dir, 'Log'), 'QS1', 60);
    node.start(NOW - 1000, 'CORP\\mweber', 's1', '10.0.0.1');
    const follower = await feed();
    expect(follower.historyBefore).toBe(NOW - 5 * 60_000);
    expect(opens((await follower.read()).events)).toEqual(['QS1:s1']);
    expect((await follower.read()).events).toEqual([]);
    node.start(NOW + 1000, 'CORP\\mweber', 's2', '10.0.0.2', { partial: true });
    const half = await follower.read();
    expect(opens(half.events)).toEqual(['QS1:s2']);
    expect(logins(half.events)).toEqual([]);
    node.finishPartial();
    expect(logins((await follower.read()).events)).toEqual(['s2@10.0.0.2']);
  });

  it('finishes a rolled-over file from its archived name, then follows the new one from its start', async () => {
    const node = new QlikNodeLogs(join(dir, 'Log'), 'QS1', 0);
    node.start(NOW, 'CORP\\mweber', 's1', '10.0.0.1');
    const follower = await feed();
    await follower.read();
    node.start(NOW + 1000, 'CORP\\mweber', 's2', '10.0.0.1');
    node.rollOver('AuditActivity_Proxy', NOW + 2000, join(dir, 'Log', 'ArchivedLogs', 'QS1'));
    node.start(NOW + 3000, 'CORP\\mweber', 's3', '10.0.0.1');
    expect(opens((await follower.read()).events)).toEqual(['QS1:s2', 'QS1:s3']);
    expect((await follower.read()).events).toEqual([]);
  });

  it('resumes after a restart where it stopped: neither history again nor the lines written while it was down lost', async () => {
    const node = new QlikNodeLogs(join(dir, 'Log'), 'QS1', -300);
    node.start(NOW, 'CORP\\mweber', 's1', '10.0.0.1');
    await (await feed()).read();
    node.start(NOW + 60_000, 'CORP\\mweber', 's2', '10.0.0.1');
    const restarted = await feed();
    expect(restarted.historyBefore).toBeNull();
    expect(opens((await restarted.read()).events)).toEqual(['QS1:s2']);
  });

  it('reads only the end of big files at the first start, from a whole line', async () => {
    const node = new QlikNodeLogs(join(dir, 'Log'), 'QS1', 0);
    for (let index = 0; index < 200; index++)
      node.start(NOW - 3_600_000 + index * 1000, 'CORP\\old', `old${index}`, '10.0.0.1');
    node.start(NOW, 'CORP\\mweber', 'recent', '10.0.0.1');
    const events = (await (await feed(join(dir, 'state.json'), 2048)).read()).events;
    expect(opens(events)).toContain('QS1:recent');
    expect(opens(events).length).toBeLessThan(10);
  });

  it('merges two nodes in different time zones on the instant, and names a folder it cannot read', async () => {
    new QlikNodeLogs(join(dir, 'Log', 'QS1'), 'QS1', 60).start(NOW + 2000, 'CORP\\mweber', 'late', '10.0.0.1');
    new QlikNodeLogs(join(dir, 'Log', 'QS2'), 'QS2', -300).start(NOW, 'CORP\\mweber', 'early', '10.0.0.2');
    const follower = await followLogFolders({
      folders: [join(dir, 'Log'), join(dir, 'missing')],
      state: createFileWatchState(join(dir, 's.json')).section('positions'),
      now: () => NOW,
    });
    const batch = await follower.read();
    expect(opens(batch.events)).toEqual(['QS2:early', 'QS1:late']);
    expect(batch.problems.join('\n')).toMatch(/missing cannot be read \(ENOENT\).*QLIK_LOG_DIR/);
  });

  it('takes a damaged state file as a first start, never as a reason to read all history', async () => {
    const node = new QlikNodeLogs(join(dir, 'Log'), 'QS1', 0);
    node.start(NOW, 'CORP\\mweber', 's1', '10.0.0.1');
    writeFileSync(join(dir, 'state.json'), '{"positions": "not json');
    expect((await feed()).historyBefore).toBe(NOW - 5 * 60_000);
  });
});
