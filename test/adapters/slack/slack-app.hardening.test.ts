import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createMemoryStateStore } from '../../../src/adapters/state/index.js';
import type { LiveQlik } from '../../../src/bot/index.js';
import { buttonClickForm, postSigned } from '../../support/signed-slack-request.js';
import { messageDelivery } from '../../support/slack-deliveries.js';
import { HARNESS_ADMIN, realBot, startHarness, type Harness } from '../../support/slack-harness.js';
import { textOf, type RecordedCall } from '../../support/slack-stand-in.js';

const DENIAL_LINE =
  "Access was denied for User: 'CORP\\mweber', with AccessID '264ff070-6306-4f1b-85db-21a8468939b5', SessionID: 'e3cd957b-a501-4bec-a3f8-d35170a73efa', SessionCount: '5', Hostname: '::1', OperationType: 'UsageDenied'";
const FORM = { contentType: 'application/x-www-form-urlencoded' };

function postsIn(harness: Harness, channel: string): RecordedCall[] {
  return harness.slack.callsTo('chat.postMessage').filter((call) => call.args['channel'] === channel);
}

async function settled(harness: Harness): Promise<void> {
  await vi.waitFor(() => expect(harness.app.inFlight()).toBe(0), { timeout: 20_000, interval: 20 });
}

function liveQlik(ended: string[]): LiveQlik {
  return {
    sessions: async (user) => ({ ok: true, value: { user, total: 2, sessions: [], errors: [] } }),
    licenses: async (user) => ({ ok: true, value: { user, allocations: [] } }),
    endSessions: async (user) => {
      ended.push(user);
      return { ok: true, value: { user, ended: 2, errors: [] } };
    },
    doctor: async () => ({ ok: true, value: { findings: [] } }),
  };
}

describe('a shared-file host that accepts and never answers', () => {
  it('is given up: the message gets a clear reply, the hourglass goes, and stopping does not wait for ever', async () => {
    const harness = await startHarness({
      bot: (context) => realBot(context),
      progressThresholdBytes: 0,
      fileIdleTimeoutMs: 300,
    });
    // The stand-in sends the headers and then nothing at all.
    harness.slack.files.set('hang.log', {
      body: () => ({ [Symbol.asyncIterator]: () => ({ next: () => new Promise<never>(() => undefined) }) }),
    });
    const channel = 'D0HANG001';
    const file = {
      id: 'F0HANG',
      name: 'hang.log',
      mimetype: 'text/plain',
      size: 5000,
      url_private_download: `${harness.slack.url}/files-pri/hang.log`,
    };
    const { body, ts } = messageDelivery({ channel, user: 'U0ASKER1', text: '', subtype: 'file_share', files: [file] });
    expect((await postSigned(harness.eventsUrl, body)).status).toBe(200);
    await vi.waitFor(() => expect(harness.slack.callsTo('file')).toHaveLength(1), { timeout: 10_000, interval: 20 });
    // SIGTERM arrives while the download hangs: serve calls stop(), which waits for the replies in flight.
    await harness.close();

    const posts = postsIn(harness, channel);
    expect(posts).toHaveLength(1);
    expect(textOf(posts[0])).toContain(
      'hang.log could not be read (the file host sent nothing for 0.3 seconds, so the download was given up)',
    );
    expect(posts[0]?.args['thread_ts']).toBe(ts);
    const reactions = (method: string) => harness.slack.callsTo(method).filter((call) => call.args['timestamp'] === ts);
    expect(reactions('reactions.add')).toHaveLength(1);
    expect(reactions('reactions.remove')).toHaveLength(1);
  });
});

describe('Slack-side hardening through the real Bolt receiver', () => {
  let harness: Harness;
  const ended: string[] = [];
  const state = createMemoryStateStore();

  beforeAll(async () => {
    harness = await startHarness({ bot: (context) => realBot(context, liveQlik(ended)), state });
  });
  afterAll(async () => {
    await harness.close();
    await state.close();
  });

  function endClick(value: string, triggerId: string, path: string, user = HARNESS_ADMIN): string {
    return buttonClickForm({
      actionId: 'qlik_sessions_end_sessions',
      value,
      user,
      channel: { id: 'C0SUPPORT', name: 'qlik-support' },
      responseUrl: `${harness.slack.url}${path}`,
      triggerId,
    });
  }
  const responsesTo = (path: string) => harness.slack.callsTo('response_url').filter((call) => call.path === path);

  it('acknowledges a signed event with "event": null (no 500, so Slack does not retry) and ignores it', async () => {
    const before = harness.slack.calls.length;
    for (const event of [null, 'text', { channel: 'C1' }]) {
      const body = JSON.stringify({
        type: 'event_callback',
        team_id: 'T0STORE01',
        api_app_id: 'A0STORE01',
        event_id: `EvNull${String(event).length}`,
        event_time: 1,
        event,
      });
      const response = await postSigned(harness.eventsUrl, body);
      expect(response.status).toBe(200);
    }
    await settled(harness);
    expect(harness.slack.calls.length).toBe(before);
    expect(
      harness.logger.lines.filter((line) => line.startsWith('warn acknowledged and ignored a signed event')),
    ).toEqual([
      'warn acknowledged and ignored a signed event: "event" is null',
      'warn acknowledged and ignored a signed event: "event" is string',
      'warn acknowledged and ignored a signed event: "event" has no type',
    ]);
  });

  it('answers the text and the other files when files.info fails for one shared file', async () => {
    harness.slack.files.set('audit.log', { body: Buffer.from(`${DENIAL_LINE}\n`) });
    const channel = 'D0FILES01';
    const files = [
      { id: 'F0GONE', file_access: 'check_file_info' },
      {
        id: 'F0GOOD',
        name: 'audit.log',
        mimetype: 'text/plain',
        size: DENIAL_LINE.length + 1,
        url_private_download: `${harness.slack.url}/files-pri/audit.log`,
      },
    ];
    const { body } = messageDelivery({
      channel,
      user: 'U0ASKER1',
      text: 'the proxy log from this morning',
      subtype: 'file_share',
      files,
    });
    await postSigned(harness.eventsUrl, body);
    await settled(harness);
    const posts = postsIn(harness, channel);
    expect(posts).toHaveLength(1);
    const text = textOf(posts[0]);
    expect(text).toContain('CORP\\mweber hit the limit of 5 parallel sessions');
    expect(text).toContain(
      'Slack did not give me one shared file: F0GONE (files.info: file_not_found). Share it again, or paste the log lines.',
    );
    expect(harness.slack.callsTo('files.info').map((call) => call.args['file'])).toEqual(['F0GONE']);
  });

  it('carries out a replayed End-sessions click once: the same signed body posted again ends nothing more', async () => {
    const path = '/actions/replay-1';
    const body = endClick('CORP\\mweber', '111.222.replayed', path);
    const first = await postSigned(harness.eventsUrl, body, FORM);
    const again = await postSigned(harness.eventsUrl, body, FORM);
    expect([first.status, again.status]).toEqual([200, 200]);
    await settled(harness);
    expect(ended).toEqual(['CORP\\mweber']);
    expect(responsesTo(path)).toHaveLength(1);
    expect(textOf(responsesTo(path)[0])).toContain('Ended 2 sessions of CORP\\mweber.');
    expect(harness.logger.lines.some((line) => line.startsWith('warn end-sessions click refused (repeat)'))).toBe(true);

    // A new click (a new trigger) is a new decision by the admin, and is carried out.
    await postSigned(harness.eventsUrl, endClick('CORP\\mweber', '111.222.second', '/actions/replay-2'), FORM);
    await settled(harness);
    expect(ended).toEqual(['CORP\\mweber', 'CORP\\mweber']);
  });

  it('never acts on an End value that may have been cut to fit a button', async () => {
    const path = '/actions/cut-1';
    const cut = `CORP\\${'x'.repeat(1994)}…`;
    expect(cut).toHaveLength(2000);
    await postSigned(harness.eventsUrl, endClick(cut, '111.222.cut', path), FORM);
    await settled(harness);
    expect(ended).not.toContain(cut);
    expect(ended.some((user) => user.startsWith('CORP\\xxx'))).toBe(false);
    expect(textOf(responsesTo(path)[0])).toContain('so it may have been cut; I did not end anything');
  });

  it('counts feedback in the store (hash feedback), once per click', async () => {
    const body = buttonClickForm({
      actionId: 'qlik_sessions_helpful',
      value: 'five-session-limit',
      user: 'U0ASKER1',
      channel: { id: 'C0SUPPORT', name: 'qlik-support' },
      responseUrl: `${harness.slack.url}/actions/feedback-1`,
      triggerId: '111.222.feedback',
    });
    await postSigned(harness.eventsUrl, body, FORM);
    await postSigned(harness.eventsUrl, body, FORM);
    await settled(harness);
    expect(await state.readFields('feedback')).toEqual({ 'five-session-limit:helpful': 1 });
  });
});
