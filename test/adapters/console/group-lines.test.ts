import { describe, expect, it } from 'vitest';
import { createLineGrouper, togglesFence } from '../../../src/adapters/console/group-lines.js';
import { isPastedLogLine } from '../../../src/adapters/console/is-pasted-log-line.js';

// A stand-in predicate keeps these cases readable; the console tests use the real recogniser on real logs.
const isLogLine = (line: string) => line.startsWith('LOG');

function group(lines: readonly string[]): string[] {
  const grouper = createLineGrouper(isLogLine);
  return [...lines.flatMap((line) => grouper.push(line)), ...grouper.end()];
}

describe('createLineGrouper', () => {
  it.for<[string, string[], string[]]>([
    ['each text line is a message', ['help', 'kb'], ['help', 'kb']],
    [
      'log lines join the text just before them',
      ['help', 'why this?', 'LOG 1', 'LOG 2', 'kb'],
      ['help', 'why this?\nLOG 1\nLOG 2', 'kb'],
    ],
    ['log lines without text before them form one message', ['LOG 1', 'LOG 2'], ['LOG 1\nLOG 2']],
    ['blank lines are skipped, also inside a run of log lines', ['', 'LOG 1', '', 'LOG 2', ''], ['LOG 1\nLOG 2']],
    [
      'a fenced block is one message with the question before it',
      ['what is this?', '```', 'not a log', '&lt;x&gt;', '```', 'help'],
      ['what is this?\n```\nnot a log\n&lt;x&gt;\n```', 'help'],
    ],
    ['a fence opened on the text line', ['look ```LOG 1', 'LOG 2```'], ['look ```LOG 1\nLOG 2```']],
    ['a one-line fence is an ordinary line', ['```x```', 'kb'], ['```x```', 'kb']],
    ['an earlier paste does not join a fence', ['LOG 1', '```', 'LOG 2', '```'], ['LOG 1', '```\nLOG 2\n```']],
    ['an unclosed fence ends with the input', ['```', 'LOG 1'], ['```\nLOG 1']],
    ['no input, no message', [], []],
  ])('%s', ([, lines, messages]) => {
    expect(group(lines)).toEqual(messages);
  });
});

describe('togglesFence', () => {
  it.for<[string, boolean]>([
    ['```', true],
    ['text ```', true],
    ['```a```', false],
    ['no fence', false],
  ])('%j → %s', ([line, expected]) => {
    expect(togglesFence(line)).toBe(expected);
  });
});

describe('isPastedLogLine', () => {
  it.for<[string, boolean]>([
    [
      '142\t20.4.2.0\t20190201T045901.569+0100\tQlikServer1\tf9ac\tCommand=Sync user directory;Result=0;ResultText=Success\t0',
      true,
    ],
    [
      "379 11.41.1.0 20190201T045901.524+0100 QlikServer1 cd1b Command=Start session;Result=0 Start session for user: 'DOMAIN\\qvservice'",
      true,
    ],
    ["Start session for user: 'DOMAIN\\qvservice'", true],
    ['You cannot access Qlik Sense because you have too many sessions active in parallel', false],
    ['help', false],
  ])('%j → %s', ([line, expected]) => {
    expect(isPastedLogLine(line)).toBe(expected);
  });
});
