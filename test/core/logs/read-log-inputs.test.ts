import { describe, expect, it } from 'vitest';
import {
  MAX_OPEN_SERIES,
  memorySpill,
  readLogInputs,
  rolloverSeries,
  type LogEvent,
  type LogInput,
} from '../../../src/core/logs/index.js';
import { SessionTracker } from '../../../src/core/sessions/index.js';

const HEADER =
  'Sequence#\tProductVersion\tTimestamp\tHostname\tId\tDescription\tProxySessionId\tProxyPackageId\tRequestSequenceId\tUserDirectory\tUserId\tObjectId\tObjectName\tService\tOrigin\tContext\tCommand\tResult\tMessage\tId2';

const two = (value: number): string => String(value).padStart(2, '0');

/** A Qlik timestamp of `at` written in a zone `offsetMinutes` east of UTC. */
function stamp(at: number, offsetMinutes: number): string {
  const local = new Date(at + offsetMinutes * 60_000);
  const offset = Math.abs(offsetMinutes);
  return `${local.getUTCFullYear()}${two(local.getUTCMonth() + 1)}${two(local.getUTCDate())}T${two(local.getUTCHours())}${two(local.getUTCMinutes())}${two(local.getUTCSeconds())}.${String(local.getUTCMilliseconds()).padStart(3, '0')}${offsetMinutes < 0 ? '-' : '+'}${two(Math.floor(offset / 60))}${two(offset % 60)}`;
}

function row(
  at: number,
  offsetMinutes: number,
  command: 'Start session' | 'Stop session',
  sessionId: string,
  user: string,
): string {
  const message =
    command === 'Start session'
      ? `Start session for user: 'CORP\\${user}'`
      : `Stop session for user 'CORP\\${user}' . Session id = '${sessionId}' and all dependents will be deleted.`;
  return `1\t11.41.1.0\t${stamp(at, offsetMinutes)}\tQS1\tid\tCommand=${command};Result=0;ResultText=Success\t${sessionId}\t0\t0\tCORP\t${user}\t0\tCORP\\${user}\tProxy\tNot available\t/qps/\t${command}\t0\t${message}\tid2`;
}

const START = Date.UTC(2024, 2, 12, 8, 0, 0);
const MINUTE = 60_000;

function sessionsOf(event: LogEvent): string {
  return event.kind === 'session-opened' || event.kind === 'session-closed'
    ? `${event.kind === 'session-opened' ? '+' : '-'}${event.sessionId ?? ''}`
    : event.kind;
}

describe('readLogInputs', () => {
  it('merges the inputs on the instant: nodes in other zones, files given in any order, ends before starts', async () => {
    // QS2 writes 5 hours behind UTC, QS1 one hour ahead; QS2's file comes first but its lines are later.
    const qs2: LogInput = {
      name: 'QS2_AuditActivity_Proxy.txt',
      chunks: [
        [
          HEADER,
          row(START + 10 * MINUTE, -300, 'Stop session', 'a', 'anna'),
          row(START + 20 * MINUTE, -300, 'Start session', 'c', 'anna'),
        ].join('\r\n'),
      ],
    };
    const qs1: LogInput = {
      name: 'QS1_AuditActivity_Proxy.txt',
      chunks: [
        [
          HEADER,
          row(START, 60, 'Start session', 'a', 'anna'),
          row(START + 10 * MINUTE, 60, 'Start session', 'b', 'anna'),
          '',
        ].join('\r\n'),
      ],
    };
    const events: LogEvent[] = [];
    const stats = await readLogInputs([qs2, qs1], (event) => events.push(event));
    expect(events.map(sessionsOf)).toEqual(['+a', '-a', '+b', '+c']);
    expect(stats.inputNames).toEqual(['QS2_AuditActivity_Proxy.txt', 'QS1_AuditActivity_Proxy.txt']);
  });

  it('holds a bounded number of events and sessions for a long log streamed lazily (100,000 sessions)', async () => {
    const sessions = 100_000;
    function* chunks(): Generator<string> {
      yield `${HEADER}\n`;
      for (let index = 0; index < sessions; index++) {
        const at = START + index * 2 * MINUTE;
        yield `${row(at, 60, 'Start session', `s${index}`, 'anna')}\n${row(at + MINUTE, 60, 'Stop session', `s${index}`, 'anna')}\n`;
      }
    }
    const tracker = new SessionTracker();
    let retained = 0;
    const stats = await readLogInputs([{ name: 'long_AuditActivity_Proxy.txt', chunks: chunks() }], (event) => {
      tracker.add(event);
      retained = Math.max(retained, tracker.held().sessions);
    });
    expect(stats.lines).toBe(2 * sessions + 1);
    expect(stats.maxQueuedEvents).toBeLessThan(20);
    expect(retained).toBeLessThanOrEqual(2);
    expect(tracker.timelines().users).toEqual([expect.objectContaining({ sessionsStarted: sessions, peak: 1 })]);
  });
});

describe('readLogInputs of an input holding several runs of lines in time order', () => {
  /** Two files joined one after the other, the second one's lines earlier: read once, as stdin is. */
  function joined(): { input: LogInput; later: string; earlier: string } {
    const later = [
      HEADER,
      row(START + 30 * MINUTE, 60, 'Start session', 'l1', 'lou'),
      row(START + 31 * MINUTE, 60, 'Start session', 'l2', 'lou'),
    ];
    const earlier = [
      HEADER,
      row(START, 60, 'Start session', 'e1', 'eve'),
      row(START + MINUTE, 60, 'Start session', 'e2', 'eve'),
    ];
    const text = [...later, ...earlier, ''].join('\r\n');
    async function* once(): AsyncGenerator<Uint8Array> {
      yield Buffer.from(text);
    }
    return { input: { name: 'stdin', chunks: once() }, later: later.join('\r\n'), earlier: earlier.join('\r\n') };
  }

  it('emits, before the restart, nothing past the first cut, then every event again in time order', async () => {
    const events: string[] = [];
    const { input } = joined();
    const stats = await readLogInputs([input], (event) => events.push(sessionsOf(event)), {
      restart: () => events.push('restart'),
    });
    // The first run's sessions may have gone out before its end was known; none of the second run's did.
    const restart = events.indexOf('restart');
    expect(restart).toBeGreaterThanOrEqual(0);
    expect(events.slice(0, restart).every((event) => event === '+l1' || event === '+l2')).toBe(true);
    expect(events.slice(restart + 1)).toEqual(['+e1', '+e2', '+l1', '+l2']);
    expect(stats.reordered).toEqual(['stdin']);
  });
});

describe('spills, read again from where a run starts', () => {
  it('in memory: from inside a chunk, at a chunk boundary, and past the end', async () => {
    const spill = memorySpill();
    for (const part of ['abc', 'defg', 'h']) await spill.write(Buffer.from(part));
    const from = async (offset: number): Promise<string> => {
      const parts: string[] = [];
      for await (const chunk of spill.chunks(offset)) parts.push(Buffer.from(chunk).toString());
      return parts.join('');
    };
    expect(await from(0)).toBe('abcdefgh');
    expect(await from(1)).toBe('bcdefgh');
    expect(await from(3)).toBe('defgh');
    expect(await from(7)).toBe('h');
    expect(await from(8)).toBe('');
  });
});

describe('readLogInputs beyond the files it reads at once', () => {
  it('still reads every input when there are more logs than MAX_OPEN_SERIES', async () => {
    const inputs: LogInput[] = Array.from({ length: MAX_OPEN_SERIES + 6 }, (_, index) => ({
      name: `user${index}_AuditActivity_Proxy.txt`,
      chunks: [`${row(START + index * MINUTE, 60, 'Start session', `s${index}`, `user${index}`)}\n`],
    }));
    const tracker = new SessionTracker();
    const stats = await readLogInputs(inputs, tracker.add);
    expect(stats.lines).toBe(MAX_OPEN_SERIES + 6);
    expect(tracker.timelines().users.map((user) => user.sessionsStarted)).toEqual(inputs.map(() => 1));
  });
});

describe('rolloverSeries', () => {
  it('reads the archived files of one log in rollover order, the live file last, each log a series of its own', () => {
    const names = [
      'Log/Proxy/Audit/QS1_AuditActivity_Proxy.txt',
      'Log/Proxy/Audit/QS1_AuditActivity_Proxy_2024-03-12T10.00.00Z.log',
      'Log/Proxy/Audit/QS1_AuditActivity_Proxy_2024-03-12T08.00.00Z.log',
      'Log/Proxy/Trace/QS1_Audit_Proxy.txt',
      'pasted message',
    ];
    const series = rolloverSeries(names.map((name) => ({ name, chunks: [] })));
    expect(series.map((members) => members.map((input) => input.name))).toEqual([
      [
        'Log/Proxy/Audit/QS1_AuditActivity_Proxy_2024-03-12T08.00.00Z.log',
        'Log/Proxy/Audit/QS1_AuditActivity_Proxy_2024-03-12T10.00.00Z.log',
        'Log/Proxy/Audit/QS1_AuditActivity_Proxy.txt',
      ],
      ['Log/Proxy/Trace/QS1_Audit_Proxy.txt'],
      ['pasted message'],
    ]);
  });
});
