import { describe, expect, it } from 'vitest';
import { consoleMessage } from '../../../src/adapters/console/console-message.js';

describe('consoleMessage', () => {
  it.for([
    ['/qlik-sessions kb five-session-limit', 'command', 'kb five-session-limit'],
    ['/qlik-sessions', 'command', ''],
    ['@qlik-sessions help', 'mention', '@qlik-sessions help'],
    ['why am I refused?', 'direct-message', 'why am I refused?'],
    ['/qlik-sessionsfoo', 'direct-message', '/qlik-sessionsfoo'],
  ] as const)('%j is a %s', ([typed, kind, text]) => {
    expect(consoleMessage(typed)).toEqual({
      kind,
      text,
      files: [],
      senderId: 'console',
      channelId: 'console',
      threadId: null,
    });
  });
});
