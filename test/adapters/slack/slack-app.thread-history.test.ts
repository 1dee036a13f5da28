import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { postSigned } from '../../support/signed-slack-request.js';
import { realBot, startHarness, type Harness } from '../../support/slack-harness.js';
import { STAND_IN_BOT_ID, STAND_IN_BOT_USER, textOf } from '../../support/slack-stand-in.js';

const DENIAL =
  "Access was denied for User: 'CORP\\mweber', with AccessID '264ff070-6306-4f1b-85db-21a8468939b5', " +
  "SessionID: 'e3cd957b-a501-4bec-a3f8-d35170a73efa', SessionCount: '5', Hostname: '::1', OperationType: 'UsageDenied'";
const GRANT =
  "Professional access granted for User: 'CORP\\jdoe' with UsageID: 'a6f2e2a0-5b4b-4c55-9a57-3f6fd8f0c1aa', " +
  "SessionID: '0b8a2e41-4f0e-4a55-9d8f-1b2c3d4e5f60', SessionCount: '1', Hostname: '::ffff:10.0.0.7', OperationType: 'UsageGranted'";

describe('a log pasted into a Slack thread is read with the thread', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({ bot: (context) => realBot(context) });
  });
  afterAll(async () => {
    await harness.close();
  });

  const reply = (channel: string, threadTs: string, ts: string, text: string) => {
    const event = { type: 'message', channel, channel_type: 'channel', user: 'U1', text, ts, thread_ts: threadTs };
    const body = {
      type: 'event_callback',
      event_id: `Ev${ts.replace('.', '')}`,
      event_time: Math.floor(Date.now() / 1000),
      event,
    };
    return postSigned(harness.eventsUrl, JSON.stringify(body));
  };

  it('analyses a later paste together with a file shared earlier, leaving out the bot and what came after', async () => {
    const channel = 'CTHREAD01';
    const parent = `${Math.floor(Date.now() / 1000) - 60}.000100`;
    const later = `${Math.floor(Date.now() / 1000)}.000300`;
    harness.slack.files.set('thread/AuditSecurity_Repository.txt', { body: Buffer.from(`${DENIAL}\n`) });
    const file = {
      id: 'FTHREAD1',
      name: 'AuditSecurity_Repository.txt',
      mimetype: 'text/plain',
      size: DENIAL.length + 1,
      url_private_download: `${harness.slack.url}/files-pri/thread/AuditSecurity_Repository.txt`,
    };
    harness.slack.threads.set(`${channel}/${parent}`, [
      { ts: parent, user: 'U1', type: 'message', subtype: 'file_share', text: 'the repository log', files: [file] },
      {
        ts: `${parent.split('.')[0]}.000150`,
        user: STAND_IN_BOT_USER,
        bot_id: STAND_IN_BOT_ID,
        type: 'message',
        text: DENIAL,
      },
      { ts: `${parent.split('.')[0]}.000200`, user: 'U2', type: 'message', text: 'I will add the proxy lines' },
      { ts: later, user: 'U1', type: 'message', text: GRANT },
      { ts: `${Math.floor(Date.now() / 1000) + 5}.000400`, user: 'U3', type: 'message', text: DENIAL },
    ]);

    expect((await reply(channel, parent, later, GRANT)).status).toBe(200);
    await vi.waitFor(
      () =>
        expect(
          harness.slack.callsTo('chat.postMessage').filter((call) => call.args['channel'] === channel),
        ).toHaveLength(1),
      {
        timeout: 20_000,
        interval: 20,
      },
    );
    const posted = harness.slack.callsTo('chat.postMessage').find((call) => call.args['channel'] === channel);
    expect(posted?.args['thread_ts']).toBe(parent);
    expect(textOf(posted)).toContain('CORP\\mweber');
    expect(JSON.stringify(posted?.args['blocks'])).toContain('1 earlier message in this thread');

    const [history] = harness.slack.callsTo('conversations.replies');
    expect(history?.authorization).toBe('Bearer xoxb-test-token');
    expect(history?.args).toMatchObject({ channel, ts: parent, latest: later, inclusive: 'false' });
    // The earlier file was downloaded with the bot token, once.
    expect(
      harness.slack.callsTo('file').filter((call) => call.args['name'] === 'thread/AuditSecurity_Repository.txt'),
    ).toHaveLength(1);
  });
});
