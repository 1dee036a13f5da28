import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createMemoryStateStore } from '../../../src/adapters/state/index.js';
import type { LiveQlik, LogAnalyzer, StateStore } from '../../../src/bot/index.js';
import { analyzeLogs } from '../../../src/core/verdict/index.js';
import { pngSize } from '../../support/png-size.js';
import { form, postSigned } from '../../support/signed-slack-request.js';
import { HARNESS_ADMIN, realBot, startHarness, type Harness } from '../../support/slack-harness.js';
import { textOf, type RecordedCall } from '../../support/slack-stand-in.js';
import { LIMIT_TIMELINE } from '../../support/timeline-cases.js';

const DENIAL_LINE =
  "Access was denied for User: 'CORP\\mweber', with AccessID '264ff070-6306-4f1b-85db-21a8468939b5', SessionID: 'e3cd957b-a501-4bec-a3f8-d35170a73efa', SessionCount: '5', Hostname: '::1', OperationType: 'UsageDenied'";

/** Twelve users denied at the limit: more rows than a reply shows, so the whole report goes as files. */
const MANY_USERS = Array.from({ length: 12 }, (_, index) =>
  DENIAL_LINE.replace('CORP\\mweber', `CORP\\user${String(index).padStart(2, '0')}`).replace(
    'e3cd957b',
    `e3cd95${String(10 + index)}`,
  ),
).join('\n');

const FORM = { contentType: 'application/x-www-form-urlencoded' } as const;
const USER = 'U2CERLKJA';

async function settled(harness: Harness): Promise<void> {
  await vi.waitFor(() => expect(harness.app.inFlight()).toBe(0), { timeout: 20_000, interval: 20 });
}

function interactive(payload: Record<string, unknown>): string {
  return form({
    payload: JSON.stringify({
      api_app_id: 'A123ABC456',
      token: 'x',
      team: { id: 'T1DC2JH3J', domain: 'testteamnow' },
      ...payload,
    }),
  });
}

const user = (id = USER) => ({ id, username: 'roadrunner', name: 'roadrunner', team_id: 'T1DC2JH3J' });

function messageShortcut(harness: Harness, channel: string, message: Record<string, unknown>): string {
  return interactive({
    type: 'message_action',
    callback_id: 'qlik_sessions_analyze_message',
    trigger_id: '11.22.shortcut',
    response_url: `${harness.slack.url}/actions/T1/1/shortcut-${channel}`,
    user: user(),
    channel: { id: channel, name: 'qlik-support' },
    message_ts: message['ts'],
    message: { type: 'message', user: 'UPOSTER01', ...message },
  });
}

describe('Slack surfaces over the real Bolt HTTP receiver: shortcuts, the analyze form, App Home, pictures and files', () => {
  let harness: Harness;
  let store: StateStore;
  const live: LiveQlik = {
    sessions: async (name) => ({
      ok: true,
      value: {
        user: name,
        total: 2,
        sessions: [
          { sessionId: 's1', proxy: 'https://qs1:4243', virtualProxy: '' },
          { sessionId: 's2', proxy: 'https://qs2:4243', virtualProxy: '' },
        ],
        errors: [],
      },
    }),
    licenses: async (name) => ({ ok: true, value: { user: name, allocations: [] } }),
    endSessions: async (name) => ({ ok: true, value: { user: name, ended: 2, errors: [] } }),
    doctor: async () => ({ ok: true, value: { findings: [] } }),
  };

  beforeAll(async () => {
    store = createMemoryStateStore();
    await store.pushRecent(
      'watch:recent-alerts',
      JSON.stringify({
        at: '2024-03-12T08:08:47.120Z',
        user: 'CORP\\mweber',
        cause: 'at-limit',
        summary: 'CORP\\mweber holds 5 sessions <!channel>',
      }),
      50,
    );
    // The analysis port carries the verdict user's timeline, as the analyzer reports it (team contract).
    const analyze: LogAnalyzer = async (inputs, options) => {
      const report = await analyzeLogs(inputs, options);
      return {
        ok: true,
        report: {
          ...report,
          timelines: report.verdict.user === 'CORP\\mweber' ? [LIMIT_TIMELINE] : [],
        } as typeof report,
      };
    };
    harness = await startHarness({ bot: (context) => realBot(context, live, analyze), state: store });
  });
  afterAll(async () => {
    await harness.close();
  });

  const posts = (channel: string): RecordedCall[] =>
    harness.slack.callsTo('chat.postMessage').filter((call) => call.args['channel'] === channel);

  describe('message shortcut', () => {
    it("answers in the message's thread, with the timeline picture uploaded there as a real PNG", async () => {
      const channel = 'CSHORT001';
      const response = await postSigned(
        harness.eventsUrl,
        messageShortcut(harness, channel, {
          ts: '1700000000.000200',
          thread_ts: '1700000000.000100',
          text: DENIAL_LINE,
        }),
        FORM,
      );
      expect(response.status).toBe(200);
      await settled(harness);
      const [reply] = posts(channel);
      expect(reply?.args['thread_ts']).toBe('1700000000.000100');
      expect(textOf(reply)).toContain('CORP\\mweber hit the limit of 5 parallel sessions');

      const [ticket] = harness.slack.callsTo('files.getUploadURLExternal');
      expect(ticket?.args['filename']).toBe('timeline-CORP-mweber.png');
      expect(String(ticket?.args['alt_text'])).toContain('Timeline of CORP\\mweber');
      const fileId = [...harness.slack.uploads.keys()][0] ?? '';
      const bytes = harness.slack.uploads.get(fileId) ?? Buffer.alloc(0);
      expect(Number(ticket?.args['length'])).toBe(bytes.length);
      expect(pngSize(bytes).width).toBe(1000);
      expect(pngSize(bytes).height).toBeGreaterThan(300);
      const [complete] = harness.slack.callsTo('files.completeUploadExternal');
      expect(complete?.args).toMatchObject({
        channel_id: channel,
        thread_ts: '1700000000.000100',
        files: [{ id: fileId, title: 'Proxy sessions of CORP\\mweber' }],
      });
      // The upload went only to the stand-in Slack file host, with the bot token, and nowhere else.
      expect(harness.slack.callsTo('upload')[0]?.authorization).toBe('Bearer xoxb-test-token');
      expect(harness.foreign.requests()).toBe(0);
    });

    it('reads the files of the message and starts a thread on a top-level message', async () => {
      const channel = 'CSHORT002';
      harness.slack.files.set('denial.txt', { body: Buffer.from(`${DENIAL_LINE}\n`) });
      const file = {
        id: 'FDENIAL01',
        name: 'AuditSecurity_Repository.txt',
        mimetype: 'text/plain',
        size: DENIAL_LINE.length + 1,
        url_private_download: `${harness.slack.url}/files-pri/denial.txt`,
      };
      await postSigned(
        harness.eventsUrl,
        messageShortcut(harness, channel, { ts: '1700000001.000100', text: 'here is the log', files: [file] }),
        FORM,
      );
      await settled(harness);
      const [reply] = posts(channel);
      expect(reply?.args['thread_ts']).toBe('1700000001.000100');
      expect(textOf(reply)).toContain('CORP\\mweber hit the limit');
      expect(harness.slack.callsTo('file').some((call) => call.args['name'] === 'denial.txt')).toBe(true);
    });

    it('answers privately (ephemeral, through response_url) where the bot may not post', async () => {
      const channel = 'CNOTMINE1';
      harness.slack.notInChannels.add(channel);
      await postSigned(
        harness.eventsUrl,
        messageShortcut(harness, channel, { ts: '1700000002.000100', text: DENIAL_LINE }),
        FORM,
      );
      await settled(harness);
      const [ephemeral] = harness.slack
        .callsTo('response_url')
        .filter((call) => call.path.endsWith(`shortcut-${channel}`));
      expect(ephemeral?.args['response_type']).toBe('ephemeral');
      expect(textOf(ephemeral)).toContain('Invite me (/invite @qlik-sessions)');
      expect(textOf(ephemeral)).toContain('CORP\\mweber hit the limit');
    });
  });

  describe('global shortcut and the analyze form', () => {
    it('opens the form with a file input for .txt, .log, .gz and .zip, pasted text and a choice of destination', async () => {
      const before = harness.slack.callsTo('views.open').length;
      await postSigned(
        harness.eventsUrl,
        interactive({
          type: 'shortcut',
          callback_id: 'qlik_sessions_analyze_form',
          trigger_id: '33.44.global',
          user: user(),
        }),
        FORM,
      );
      await vi.waitFor(() => expect(harness.slack.callsTo('views.open').length).toBe(before + 1), {
        timeout: 10_000,
        interval: 20,
      });
      const open = harness.slack.callsTo('views.open').at(-1);
      expect(open?.args['trigger_id']).toBe('33.44.global');
      const view = open?.args['view'] as {
        blocks: { block_id: string; element: { type: string; filetypes?: string[] } }[];
      };
      expect(view.blocks.map((block) => [block.block_id, block.element.type])).toEqual([
        ['log_files', 'file_input'],
        ['log_excerpt', 'plain_text_input'],
        ['destination', 'radio_buttons'],
        ['channel', 'conversations_select'],
      ]);
      expect(view.blocks[0]?.element.filetypes).toEqual(['txt', 'log', 'gz', 'zip']);
    });

    const submit = (values: Record<string, unknown>) =>
      interactive({
        type: 'view_submission',
        user: user(),
        trigger_id: '1.2.3',
        view: {
          id: 'V123',
          type: 'modal',
          callback_id: 'qlik_sessions_analyze',
          private_metadata: '',
          state: { values },
        },
      });

    it('analyses an attached file and posts the verdict in the channel picked, with the picture', async () => {
      harness.slack.files.set('form.txt', { body: Buffer.from(`${DENIAL_LINE}\n`) });
      const uploadsBefore = harness.slack.callsTo('files.completeUploadExternal').length;
      const response = await postSigned(
        harness.eventsUrl,
        submit({
          log_files: {
            files: {
              type: 'file_input',
              files: [
                {
                  id: 'FFORM0001',
                  name: 'QS1_AuditSecurity_Repository.txt',
                  size: DENIAL_LINE.length + 1,
                  url_private_download: `${harness.slack.url}/files-pri/form.txt`,
                },
              ],
            },
          },
          log_excerpt: { text: { type: 'plain_text_input', value: null } },
          destination: { where: { type: 'radio_buttons', selected_option: { value: 'channel' } } },
          channel: { channel: { type: 'conversations_select', selected_conversation: 'CFORM0001' } },
        }),
        FORM,
      );
      expect(response.status).toBe(200);
      await settled(harness);
      expect(textOf(posts('CFORM0001')[0])).toContain('CORP\\mweber hit the limit of 5 parallel sessions');
      expect(
        harness.slack
          .callsTo('files.completeUploadExternal')
          .slice(uploadsBefore)
          .map((call) => call.args['channel_id']),
      ).toEqual(['CFORM0001']);
    });

    it('says what is missing in the form: no file and no text, or a channel not picked', async () => {
      const empty = await postSigned(
        harness.eventsUrl,
        submit({ destination: { where: { selected_option: { value: 'private' } } } }),
        FORM,
      );
      expect(JSON.parse(empty.body)).toEqual({
        response_action: 'errors',
        errors: { log_excerpt: 'Attach a log file above or paste at least one line from a Qlik Sense log.' },
      });
      const noChannel = await postSigned(
        harness.eventsUrl,
        submit({
          log_excerpt: { text: { value: DENIAL_LINE } },
          destination: { where: { selected_option: { value: 'channel' } } },
        }),
        FORM,
      );
      expect(JSON.parse(noChannel.body)).toEqual({
        response_action: 'errors',
        errors: { channel: 'Pick the channel for the verdict, or choose "Only to me".' },
      });
    });

    it('sends the verdict privately when asked, and attaches the whole report as files when it does not fit', async () => {
      const before = harness.slack.callsTo('files.getUploadURLExternal').length;
      await postSigned(
        harness.eventsUrl,
        submit({
          log_excerpt: { text: { value: MANY_USERS } },
          destination: { where: { selected_option: { value: 'private' } } },
        }),
        FORM,
      );
      await settled(harness);
      const dm = posts(USER).at(-1);
      expect(textOf(dm)).toContain('hit the limit of 5 parallel sessions');
      const names = harness.slack
        .callsTo('files.getUploadURLExternal')
        .slice(before)
        .map((call) => call.args['filename']);
      expect(names).toEqual(['qlik-sessions-report-CORP-user00-users.csv', 'qlik-sessions-report-CORP-user00.txt']);
      const ids = [...harness.slack.uploads.keys()].slice(-2);
      const csv = harness.slack.uploads.get(ids[0] ?? '')?.toString('utf8') ?? '';
      expect(csv.split('\r\n')[0]).toBe(
        'user,sessionsStarted,peak,peakAt,denied,limitDenials,maxSessionCount,licensed,serviceAccount,clients',
      );
      expect(csv.trim().split('\r\n')).toHaveLength(13);
      expect(harness.slack.uploads.get(ids[1] ?? '')?.toString('utf8')).toContain('Users (12)');
      const complete = harness.slack.callsTo('files.completeUploadExternal').at(-1);
      expect(complete?.args['initial_comment']).toContain('did not fit in one message');
    });
  });

  describe('App Home', () => {
    const opened = (userId: string) =>
      JSON.stringify({
        token: 'x',
        team_id: 'T1DC2JH3J',
        api_app_id: 'A123ABC456',
        type: 'event_callback',
        event_id: `EvHome${userId}${Date.now()}`,
        event_time: Math.floor(Date.now() / 1000),
        event: {
          type: 'app_home_opened',
          user: userId,
          channel: 'D0HOME001',
          tab: 'home',
          event_ts: `${Date.now() / 1000}`,
        },
      });
    const publishedFor = (userId: string) =>
      harness.slack
        .callsTo('views.publish')
        .filter((call) => call.args['user_id'] === userId)
        .at(-1);

    it('publishes what the bot does, how to bring logs, the knowledge index with a button each, and an analyze button', async () => {
      await postSigned(harness.eventsUrl, opened(USER));
      await settled(harness);
      const view = publishedFor(USER)?.args['view'] as {
        type: string;
        blocks: { type: string; elements?: { action_id: string; value?: string }[] }[];
      };
      expect(view.type).toBe('home');
      const buttons = view.blocks.flatMap((block) => block.elements ?? []);
      expect(buttons.map((button) => button.action_id)).toContain('qlik_sessions_home_analyze');
      expect(
        buttons
          .filter((button) => button.action_id.startsWith('qlik_sessions_home_entry:'))
          .map((button) => button.value),
      ).toEqual(
        expect.arrayContaining(['five-session-limit', 'tabs-vs-browsers', 'service-account-license', 'count-sessions']),
      );
      expect(textOf(publishedFor(USER))).toContain('Bring me logs');
      expect(textOf(publishedFor(USER))).not.toContain('For admins');
    });

    it('shows admins the Qlik API status, the recent alerts (escaped) and the feedback counts', async () => {
      await store.incrementField('feedback', 'five-session-limit:helpful', 3);
      await store.incrementField('feedback', 'five-session-limit:not-helpful');
      await postSigned(harness.eventsUrl, opened(HARNESS_ADMIN));
      await settled(harness);
      const text = textOf(publishedFor(HARNESS_ADMIN));
      expect(text).toContain('For admins');
      expect(text).toContain('Qlik APIs:* not configured');
      expect(text).toContain('CORP\\mweber holds 5 sessions &lt;!channel&gt;');
      expect(text).toContain('`five-session-limit`: 3 / 1');
    });

    it('opens the analyze form and a knowledge entry from its buttons', async () => {
      const before = harness.slack.callsTo('views.open').length;
      const click = (actionId: string, value: string) =>
        interactive({
          type: 'block_actions',
          user: user(),
          trigger_id: `55.66.${value}`,
          container: { type: 'view', view_id: 'VHOME' },
          view: { id: 'VHOME', type: 'home' },
          actions: [{ action_id: actionId, block_id: 'b', type: 'button', value, action_ts: '1.2' }],
        });
      await postSigned(harness.eventsUrl, click('qlik_sessions_home_analyze', 'analyze'), FORM);
      await postSigned(harness.eventsUrl, click('qlik_sessions_home_entry:tabs-vs-browsers', 'tabs-vs-browsers'), FORM);
      await vi.waitFor(() => expect(harness.slack.callsTo('views.open').length).toBe(before + 2), {
        timeout: 10_000,
        interval: 20,
      });
      const opens = harness.slack.callsTo('views.open').slice(before);
      expect(opens.map((call) => (call.args['view'] as { callback_id: string }).callback_id).sort()).toEqual([
        'qlik_sessions_analyze',
        'qlik_sessions_entry',
      ]);
      expect(
        textOf(
          opens.find((call) => (call.args['view'] as { callback_id: string }).callback_id === 'qlik_sessions_entry'),
        ),
      ).toContain('tabs-vs-browsers');
    });
  });

  describe('help and ending sessions in a DM', () => {
    const dm = (userId: string, text: string) =>
      JSON.stringify({
        token: 'x',
        team_id: 'T1DC2JH3J',
        api_app_id: 'A123ABC456',
        type: 'event_callback',
        event_id: `EvDm${userId}${Math.random().toString(36).slice(2)}`,
        event_time: Math.floor(Date.now() / 1000),
        event: {
          type: 'message',
          user: userId,
          text,
          channel: `D${userId.slice(1)}`,
          channel_type: 'im',
          ts: `${Date.now() / 1000}`,
          event_ts: `${Date.now() / 1000}`,
        },
      });

    it('help shows the commands as typed in Slack, with the shortcuts', async () => {
      await postSigned(harness.eventsUrl, dm(USER, 'help'));
      await settled(harness);
      const text = textOf(posts(`D${USER.slice(1)}`).at(-1));
      expect(text).toContain('/qlik-sessions analyze');
      expect(text).toContain('/qlik-sessions sessions DOMAIN\\user');
      expect(text).toContain('end DOMAIN\\user');
      expect(text).toContain('qlik-sessions: analyze');
    });

    it('shows an admin the live count and an End button with a confirmation; others are refused', async () => {
      await postSigned(harness.eventsUrl, dm(HARNESS_ADMIN, 'end CORP\\mweber'));
      await postSigned(harness.eventsUrl, dm(USER, 'end CORP\\mweber'));
      await settled(harness);
      const preview = posts(`D${HARNESS_ADMIN.slice(1)}`).at(-1);
      expect(textOf(preview)).toContain('CORP\\mweber has 2 live proxy sessions');
      const blocks = preview?.args['blocks'] as {
        type: string;
        elements?: { action_id: string; confirm?: unknown }[];
      }[];
      const end = blocks
        .flatMap((block) => block.elements ?? [])
        .find((element) => element.action_id === 'qlik_sessions_end_sessions');
      expect(end?.confirm).toBeDefined();
      expect(textOf(posts(`D${USER.slice(1)}`).at(-1))).toContain(
        'Only the people listed in QLIK_ADMINS can end sessions',
      );
      expect(
        harness.logger.lines.some(
          (line) => line.includes('end-sessions refused') && line.includes(`requested_by=${USER}`),
        ),
      ).toBe(true);
    });
  });
});
