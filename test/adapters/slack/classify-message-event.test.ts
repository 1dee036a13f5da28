import { describe, expect, it } from 'vitest';
import { classifyMessageEvent, type SlackMessageEvent } from '../../../src/adapters/slack/classify-message-event.js';

const base: SlackMessageEvent = {
  type: 'message',
  channel: 'C1',
  user: 'U1',
  text: 'hello',
  ts: '10.1',
  channel_type: 'channel',
};
const options = { botUserId: 'UBOT', supportChannels: 'all' as const };

describe('classifyMessageEvent', () => {
  it.for([
    { name: 'top-level channel message', event: base, kind: 'channel-message', thread: '10.1' },
    { name: 'thread reply', event: { ...base, thread_ts: '9.0' }, kind: 'thread-reply', thread: '9.0' },
    {
      name: 'thread broadcast',
      event: { ...base, subtype: 'thread_broadcast', thread_ts: '9.0' },
      kind: 'thread-reply',
      thread: '9.0',
    },
    { name: 'file share', event: { ...base, subtype: 'file_share' }, kind: 'channel-message', thread: '10.1' },
    { name: 'DM', event: { ...base, channel: 'D1', channel_type: 'im' }, kind: 'direct-message', thread: '10.1' },
    {
      name: 'DM with the bot named',
      event: { ...base, channel_type: 'im', text: '<@UBOT> help' },
      kind: 'direct-message',
      thread: '10.1',
    },
    {
      name: 'mention',
      event: { ...base, type: 'app_mention', text: '<@UBOT> kb five-session-limit' },
      kind: 'mention',
      thread: '10.1',
    },
  ])('handles a $name as $kind in thread $thread', ({ event, kind, thread }) => {
    const result = classifyMessageEvent(event as SlackMessageEvent, options);
    expect(result).toMatchObject({ handle: true, kind, threadTs: thread, senderId: 'U1', channelId: event.channel });
  });

  it('strips the bot mention from a mention', () => {
    expect(classifyMessageEvent({ ...base, type: 'app_mention', text: '<@UBOT|qlik> kb  ' }, options)).toMatchObject({
      text: 'kb',
    });
  });

  it.for([
    { name: 'bot message', event: { ...base, bot_id: 'B1' }, reason: 'bot message' },
    { name: 'bot_message subtype', event: { ...base, subtype: 'bot_message' }, reason: 'bot message' },
    { name: 'own message', event: { ...base, user: 'UBOT' }, reason: 'own message' },
    { name: 'edit', event: { ...base, subtype: 'message_changed' }, reason: 'subtype message_changed' },
    { name: 'no sender', event: { ...base, user: undefined }, reason: 'no sender' },
    {
      name: 'channel message naming the bot',
      event: { ...base, text: 'hey <@UBOT>' },
      reason: 'mention answered as app_mention',
    },
  ])('ignores a $name', ({ event, reason }) => {
    expect(classifyMessageEvent(event as SlackMessageEvent, options)).toEqual({ handle: false, reason });
  });

  it('watches only QLIK_SUPPORT_CHANNELS when set, but still answers DMs and mentions elsewhere', () => {
    const watched = { botUserId: 'UBOT', supportChannels: ['C9'] };
    expect(classifyMessageEvent(base, watched)).toEqual({ handle: false, reason: 'channel not watched' });
    expect(classifyMessageEvent({ ...base, channel: 'C9' }, watched)).toMatchObject({ handle: true });
    expect(classifyMessageEvent({ ...base, type: 'app_mention' }, watched)).toMatchObject({
      handle: true,
      kind: 'mention',
    });
    expect(classifyMessageEvent({ ...base, channel_type: 'im' }, watched)).toMatchObject({
      handle: true,
      kind: 'direct-message',
    });
  });
});
