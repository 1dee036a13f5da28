import { LogLevel } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { boltLine, createBoltLogger } from '../../../src/adapters/slack/index.js';
import { recordingLogger } from '../../support/recording-logger.js';

describe('the Bolt logger adapter', () => {
  it.for([
    {
      name: 'a WebSocket payload',
      args: [
        'Received a message on the WebSocket: {"envelope_id":"1","payload":{"event":{"text":"CORP\\\\mweber is stuck"}}}',
      ],
      kept: 'Received a message on the WebSocket:',
    },
    { name: 'a request body', args: ['http request body: {"channel":"C1","text":"Hello Anna"}'], kept: 'http request' },
    { name: 'an ack body', args: ['ack() response sent (body: Thanks, noted)'], kept: 'ack() response sent (' },
    {
      name: 'a stored response',
      args: ['Error details: Error: boom, storedResponse: Thanks Anna'],
      kept: 'Error details: Error: boom,',
    },
    {
      name: 'ping data',
      args: ['WebSocket received ping from Slack server (data: 1234)'],
      kept: 'WebSocket received ping from Slack server (',
    },
    {
      name: 'an object argument',
      args: ['http request failed', { text: 'secret words' }],
      kept: 'http request failed (object omitted)',
    },
  ])('cuts $name out of the line', ({ args, kept }) => {
    const line = boltLine(args);
    expect(line.startsWith(kept)).toBe(true);
    expect(line).not.toMatch(/mweber|Hello Anna|Thanks|1234|secret words/);
  });

  it('keeps an error as its name and message, and short lines whole', () => {
    expect(
      boltLine(['Slack API error: channel_not_found', new Error('An API error occurred: channel_not_found')]),
    ).toBe('Slack API error: channel_not_found Error: An API error occurred: channel_not_found');
    expect(boltLine(['Initializing HTTPReceiver'])).toBe('Initializing HTTPReceiver');
  });

  it('writes JSON lines marked component=bolt at the level Bolt asked for, with tokens scrubbed', () => {
    const logger = recordingLogger('debug');
    const bolt = createBoltLogger(logger, 'info');
    bolt.debug('Initializing SocketModeReceiver');
    bolt.warn('token xoxb-1-2-3 was refused');
    bolt.setName('socket-mode');
    bolt.error('WebSocket error occurred: ECONNRESET');
    expect(logger.records.map(({ level, msg, component }) => ({ level, msg, component }))).toEqual([
      { level: 'debug', msg: 'Initializing SocketModeReceiver', component: 'bolt' },
      { level: 'warn', msg: 'token [redacted] was refused', component: 'bolt' },
      { level: 'error', msg: 'WebSocket error occurred: ECONNRESET', component: 'socket-mode' },
    ]);
    expect(bolt.getLevel()).toBe(LogLevel.INFO);
  });
});
