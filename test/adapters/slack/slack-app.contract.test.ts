import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LiveQlik } from '../../../src/bot/live-qlik.js';
import { hasSharedFixture, sharedPath } from '../../support/shared-fixtures.js';
import { buttonClickForm, form, payload, postSigned, sign } from '../../support/signed-slack-request.js';
import { realBot, startHarness, type Harness } from '../../support/slack-harness.js';
import { STAND_IN_BOT_ID, STAND_IN_BOT_USER, textOf, type RecordedCall } from '../../support/slack-stand-in.js';

const ERROR_TEXT =
  'Users get "You cannot access Qlik Sense because you have too many sessions active in parallel" since this morning';
const DENIAL_LINE =
  "Access was denied for User: 'CORP\\mweber', with AccessID '264ff070-6306-4f1b-85db-21a8468939b5', SessionID: 'e3cd957b-a501-4bec-a3f8-d35170a73efa', SessionCount: '5', Hostname: '::1', OperationType: 'UsageDenied'";

/** `count` denials of separate attempts: each its own session id, since the same line given twice counts once. */
function denialLines(count: number): string {
  return (
    Array.from({ length: count }, (_, index) =>
      DENIAL_LINE.replace('d35170a73efa', index.toString(16).padStart(12, '0')),
    ).join('\n') + '\n'
  );
}

let sequence = 0;
function nextTs(): string {
  sequence += 1;
  return `${Math.floor(Date.now() / 1000)}.${String(sequence).padStart(6, '0')}`;
}

/** A real payload with fresh ids and timestamps, and the event fields a test needs. */
function eventCallback(file: string, event: Record<string, unknown>): { body: string; eventId: string; ts: string } {
  const base = payload(file);
  const ts = typeof event['ts'] === 'string' ? event['ts'] : nextTs();
  const eventId = `Ev${Date.now().toString(36)}${(sequence += 1)}`;
  const merged = {
    ...base,
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    event: { ...(base['event'] as object), ts, event_ts: ts, ...event },
  };
  return { body: JSON.stringify(merged), eventId, ts };
}

function postsIn(harness: Harness, channel: string): RecordedCall[] {
  return harness.slack.callsTo('chat.postMessage').filter((call) => call.args['channel'] === channel);
}

async function settled(harness: Harness): Promise<void> {
  await vi.waitFor(() => expect(harness.app.inFlight()).toBe(0), { timeout: 20_000, interval: 20 });
}

const MASS_MENTION = /<!(channel|here|everyone)|<!subteam|<@U/;

describe.skipIf(!hasSharedFixture(sharedPath('fixtures', 'slack', 'payloads')))(
  'Slack app (real bot, knowledge and analyzer) over the real Bolt HTTP receiver',
  () => {
    let harness: Harness;
    const ended: string[] = [];
    const live: LiveQlik = {
      sessions: async (user) => ({ ok: true, value: { user, total: 0, sessions: [], errors: [] } }),
      licenses: async (user) => ({ ok: true, value: { user, allocations: [] } }),
      endSessions: async (user) => {
        ended.push(user);
        return { ok: true, value: { user, ended: 3, errors: [] } };
      },
      doctor: async () => ({ ok: true, value: { findings: [] } }),
    };

    beforeAll(async () => {
      harness = await startHarness({ bot: (context) => realBot(context, live), progressThresholdBytes: 1000 });
    });
    afterAll(async () => {
      await harness.close();
    });

    describe('transport', () => {
      it('answers GET /healthz', async () => {
        const response = await fetch(`${harness.baseUrl}/healthz`);
        expect(response.status).toBe(200);
        expect(await response.json()).toEqual({ ok: true });
      });

      it('echoes the url_verification challenge', async () => {
        const response = await postSigned(
          harness.eventsUrl,
          JSON.stringify({ type: 'url_verification', challenge: 'c-123', token: 'x' }),
        );
        expect(response.status).toBe(200);
        expect(response.body).toContain('c-123');
      });

      it('checked the bot token with auth.test through SLACK_API_URL', () => {
        expect(harness.slack.callsTo('auth.test').length).toBeGreaterThan(0);
        expect(harness.slack.callsTo('auth.test')[0]?.authorization).toBe('Bearer xoxb-test-token');
      });
    });

    describe('signatures', () => {
      const channel = 'CSIGNED01';
      it.for([
        {
          name: 'forged',
          signature: () => sign('something else', Math.floor(Date.now() / 1000)),
          timestamp: () => Math.floor(Date.now() / 1000),
        },
        { name: 'stale', signature: null, timestamp: () => Math.floor(Date.now() / 1000) - 6 * 60 },
        { name: 'future-dated', signature: null, timestamp: () => Math.floor(Date.now() / 1000) + 6 * 60 },
      ])('refuses a $name request with 401 and does nothing', async ({ signature, timestamp }) => {
        const { body } = eventCallback('message-channels.json', { channel, text: ERROR_TEXT });
        const at = timestamp();
        const response = await postSigned(harness.eventsUrl, body, {
          timestamp: at,
          signature: signature === null ? sign(body, at) : signature(),
        });
        expect(response.status).toBe(401);
        await settled(harness);
        expect(postsIn(harness, channel)).toHaveLength(0);
      });

      it('accepts a request four minutes ahead (clock skew within the window)', async () => {
        const at = Math.floor(Date.now() / 1000) + 4 * 60;
        const response = await postSigned(
          harness.eventsUrl,
          JSON.stringify({ type: 'url_verification', challenge: 'skew' }),
          { timestamp: at },
        );
        expect(response.status).toBe(200);
      });
    });

    describe('messages in watched channels', () => {
      it('replies once in the thread to the error, never twice in that thread, and holds back during the cooldown', async () => {
        const channel = 'CAUTO0001';
        const first = eventCallback('message-channels.json', { channel, text: ERROR_TEXT });
        expect((await postSigned(harness.eventsUrl, first.body)).status).toBe(200);
        await settled(harness);
        const posts = postsIn(harness, channel);
        expect(posts).toHaveLength(1);
        expect(posts[0]?.args['thread_ts']).toBe(first.ts);
        expect(posts[0]?.authorization).toBe('Bearer xoxb-test-token');
        expect(textOf(posts[0])).toContain('Paste the Qlik Sense log lines');

        const inThread = eventCallback('message-channels.json', {
          channel,
          text: `still ${ERROR_TEXT}`,
          thread_ts: first.ts,
        });
        await postSigned(harness.eventsUrl, inThread.body);
        const another = eventCallback('message-channels.json', { channel, text: ERROR_TEXT });
        await postSigned(harness.eventsUrl, another.body);
        await settled(harness);
        expect(postsIn(harness, channel)).toHaveLength(1);

        // Log lines are a request, not chatter: the verdict comes even while the channel cools down.
        const logs = eventCallback('message-channels.json', { channel, text: DENIAL_LINE });
        await postSigned(harness.eventsUrl, logs.body);
        await settled(harness);
        expect(postsIn(harness, channel)).toHaveLength(2);
        expect(postsIn(harness, channel)[1]?.args['thread_ts']).toBe(logs.ts);
        expect(textOf(postsIn(harness, channel)[1])).toContain('hit the limit of 5 parallel sessions');
      });

      it('stays quiet on unrelated chatter', async () => {
        const channel = 'CQUIET001';
        await postSigned(harness.eventsUrl, eventCallback('message-channels.json', { channel }).body);
        await settled(harness);
        expect(postsIn(harness, channel)).toHaveLength(0);
      });

      it('answers a retried delivery once', async () => {
        const channel = 'CRETRY001';
        const delivery = eventCallback('message-channels.json', { channel, text: ERROR_TEXT });
        await postSigned(harness.eventsUrl, delivery.body);
        const retry = await postSigned(harness.eventsUrl, delivery.body, {
          headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
        });
        expect(retry.status).toBe(200);
        await settled(harness);
        expect(postsIn(harness, channel)).toHaveLength(1);
      });

      it.for([
        { name: 'another bot', event: { bot_id: 'B999', subtype: 'bot_message' } },
        { name: 'itself', event: { user: STAND_IN_BOT_USER, bot_id: STAND_IN_BOT_ID } },
        { name: 'an edit', event: { subtype: 'message_changed' } },
      ])('ignores a message from $name', async ({ event }) => {
        const channel = `CBOT${Math.random().toString(36).slice(2, 8).toUpperCase()}`;
        await postSigned(
          harness.eventsUrl,
          eventCallback('message-channels.json', { channel, text: ERROR_TEXT, ...event }).body,
        );
        await settled(harness);
        expect(postsIn(harness, channel)).toHaveLength(0);
      });

      it('gives the verdict in the thread for a thread reply carrying log lines', async () => {
        const channel = 'CTHREAD01';
        const parent = nextTs();
        await postSigned(
          harness.eventsUrl,
          eventCallback('message-channels.json', { channel, text: '```' + DENIAL_LINE + '```', thread_ts: parent })
            .body,
        );
        await settled(harness);
        const posts = postsIn(harness, channel);
        expect(posts).toHaveLength(1);
        expect(posts[0]?.args['thread_ts']).toBe(parent);
        expect(textOf(posts[0])).toContain('CORP\\mweber hit the limit of 5 parallel sessions');
      });
    });

    describe('mentions and DMs', () => {
      it('answers an @mention in its thread, once even when the same message also arrives as `message`', async () => {
        const channel = 'CMENTION1';
        const ts = nextTs();
        const text = `<@${STAND_IN_BOT_USER}> why does Qlik say too many sessions?`;
        await postSigned(harness.eventsUrl, eventCallback('app-mention.json', { channel, text, ts }).body);
        await postSigned(harness.eventsUrl, eventCallback('message-channels.json', { channel, text, ts }).body);
        await settled(harness);
        const posts = postsIn(harness, channel);
        expect(posts).toHaveLength(1);
        expect(posts[0]?.args['thread_ts']).toBe(ts);
        expect(textOf(posts[0])).toMatch(/session/i);
      });

      it('answers a DM in its thread', async () => {
        const channel = 'DDIRECT01';
        const { ts, body } = eventCallback('message-channels.json', {
          channel,
          channel_type: 'im',
          text: 'kb five-session-limit',
        });
        await postSigned(harness.eventsUrl, body);
        await settled(harness);
        const posts = postsIn(harness, channel);
        expect(posts).toHaveLength(1);
        expect(posts[0]?.args['thread_ts']).toBe(ts);
        expect(textOf(posts[0])).toContain('five parallel sessions');
      });
    });

    describe('shared files', () => {
      it('resolves a Slack Connect stub with files.info, downloads with the bot token from the allowed host, and shows progress', async () => {
        const fileId = 'F0CONNECT1';
        const content = denialLines(50);
        harness.slack.files.set('T1-F0CONNECT1/download/audit.log', { body: Buffer.from(content) });
        harness.slack.fileInfo.set(fileId, {
          id: fileId,
          name: 'AuditSecurity_Repository.txt',
          mimetype: 'text/plain',
          size: content.length,
          url_private_download: `${harness.slack.url}/files-pri/T1-F0CONNECT1/download/audit.log`,
        });
        const base = payload('message-file-share-slack-connect.json');
        const event = base['event'] as Record<string, unknown>;
        const files = (event['files'] as Record<string, unknown>[]).map((file) => ({ ...file, id: fileId }));
        const channel = String(event['channel']);
        const { body } = eventCallback('message-file-share-slack-connect.json', { files });
        await postSigned(harness.eventsUrl, body);
        await settled(harness);
        expect(harness.slack.callsTo('files.info').map((call) => call.args['file'])).toContain(fileId);
        const downloads = harness.slack.callsTo('file');
        expect(downloads.length).toBeGreaterThan(0);
        expect(downloads.every((call) => call.authorization === 'Bearer xoxb-test-token')).toBe(true);
        const verdict = textOf(postsIn(harness, channel).at(-1));
        expect(verdict).toContain('CORP\\mweber hit the limit of 5 parallel sessions');
        expect(verdict).toContain('denied 50 times');
        expect(harness.slack.callsTo('reactions.add').map((call) => call.args['name'])).toEqual([
          'hourglass_flowing_sand',
        ]);
        expect(harness.slack.callsTo('reactions.remove')).toHaveLength(1);
      });

      it('reads a gzipped log', async () => {
        const channel = 'CGZIP0001';
        harness.slack.files.set('gz/audit.log.gz', { body: gzipSync(denialLines(7)), contentType: 'application/gzip' });
        const file = {
          id: 'F0GZIP',
          name: 'AuditSecurity_Repository.txt.gz',
          mimetype: 'application/gzip',
          url_private_download: `${harness.slack.url}/files-pri/gz/audit.log.gz`,
        };
        await postSigned(
          harness.eventsUrl,
          eventCallback('message-channels.json', { channel, subtype: 'file_share', files: [file], text: '' }).body,
        );
        await settled(harness);
        expect(textOf(postsIn(harness, channel)[0])).toContain('denied 7 times');
      });

      it('answers a damaged zip shared in a DM with why it cannot be opened, not with the help text', async () => {
        const channel = 'DZIP00001';
        // A zip's local file header and nothing more: known as a zip by its bytes, whatever the name says.
        harness.slack.files.set('zip/logs.zip', {
          body: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00]),
          contentType: 'application/zip',
        });
        const file = {
          id: 'F0ZIP',
          name: 'LogCollector.zip',
          mimetype: 'application/zip',
          filetype: 'zip',
          url_private_download: `${harness.slack.url}/files-pri/zip/logs.zip`,
        };
        const event = { channel, channel_type: 'im', subtype: 'file_share', files: [file], text: '' };
        await postSigned(harness.eventsUrl, eventCallback('message-channels.json', event).body);
        await settled(harness);
        expect(textOf(postsIn(harness, channel)[0])).toContain(
          'LogCollector.zip could not be opened as a zip archive: the end of its central directory is missing',
        );
      });

      it('refuses a file over the size cap without downloading it, and says how to send an excerpt', async () => {
        const channel = 'CHUGE0001';
        const before = harness.slack.callsTo('file').length;
        const file = {
          id: 'F0HUGE',
          name: 'AuditActivity_Proxy.txt',
          mimetype: 'text/plain',
          size: 60 * 1024 * 1024,
          url_private_download: `${harness.slack.url}/files-pri/huge.log`,
        };
        await postSigned(
          harness.eventsUrl,
          eventCallback('message-channels.json', { channel, subtype: 'file_share', files: [file], text: '' }).body,
        );
        await settled(harness);
        expect(harness.slack.callsTo('file')).toHaveLength(before);
        expect(textOf(postsIn(harness, channel)[0])).toContain(
          'is larger than 50 MB. Send only the lines around the time of the error',
        );
      });

      it('tells the user when a shared file cannot be looked up (never silence)', async () => {
        const base = payload('message-file-share-slack-connect.json');
        const event = base['event'] as Record<string, unknown>;
        const files = (event['files'] as Record<string, unknown>[]).map((file) => ({ ...file, id: 'F0MISSING' }));
        const channel = 'DLOOKUP01';
        await postSigned(
          harness.eventsUrl,
          eventCallback('message-file-share-slack-connect.json', { channel, files }).body,
        );
        await settled(harness);
        const posts = postsIn(harness, channel);
        expect(posts).toHaveLength(1);
        expect(JSON.stringify(posts[0])).toContain(
          'Slack did not give me one shared file: F0MISSING (files.info: file_not_found). Share it again, or paste the log lines.',
        );
        expect(
          harness.logger.lines.some(
            (line) => line.startsWith('warn files.info failed for F0MISSING') && line.includes('file_not_found'),
          ),
        ).toBe(true);
      });

      it('never contacts a host outside SLACK_FILE_HOSTS, and says so', async () => {
        const channel = 'CFOREIGN1';
        const file = {
          id: 'F0FOREIGN',
          name: 'audit.log',
          mimetype: 'text/plain',
          size: 100,
          url_private_download: `${harness.foreign.url}/files-pri/x/audit.log`,
        };
        await postSigned(
          harness.eventsUrl,
          eventCallback('message-channels.json', { channel, subtype: 'file_share', files: [file], text: '' }).body,
        );
        await settled(harness);
        expect(harness.foreign.requests()).toBe(0);
        expect(JSON.stringify(postsIn(harness, channel))).toContain('SLACK_FILE_HOSTS');
      });
    });

    describe('slash command, modal and buttons', () => {
      function slash(text: string, user = 'U2CERLKJA'): string {
        // Slack's own worked example (docs.slack.dev), with our command and a response_url on the stand-in.
        return form({
          token: 'xyzz0WbapA4vBCDEFasx0q6G',
          team_id: 'T1DC2JH3J',
          team_domain: 'testteamnow',
          channel_id: 'G8PSS9T3V',
          channel_name: 'foobar',
          user_id: user,
          user_name: 'roadrunner',
          command: '/qlik-sessions',
          text,
          api_app_id: 'A123ABC456',
          is_enterprise_install: 'false',
          response_url: `${harness.slack.url}/commands/T1DC2JH3J/397700885554/${encodeURIComponent(text)}`,
          trigger_id: '398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c',
        });
      }
      const responses = (text: string) =>
        harness.slack
          .callsTo('response_url')
          .filter(
            (call) =>
              call.path.endsWith(`/${encodeURIComponent(encodeURIComponent(text))}`) ||
              call.path.endsWith(`/${encodeURIComponent(text)}`),
          );

      it('answers ephemerally with a share button', async () => {
        const response = await postSigned(harness.eventsUrl, slash('why five sessions'), {
          contentType: 'application/x-www-form-urlencoded',
        });
        expect(response.status).toBe(200);
        await settled(harness);
        const [answer] = responses('why five sessions');
        expect(answer?.args['response_type']).toBe('ephemeral');
        expect(JSON.stringify(answer?.args['blocks'])).toContain('qlik_sessions_share');
      });

      it('opens the analysis modal, and DMs the verdict after submission', async () => {
        await postSigned(harness.eventsUrl, slash('analyze'), { contentType: 'application/x-www-form-urlencoded' });
        await vi.waitFor(() => expect(harness.slack.callsTo('views.open')).toHaveLength(1), {
          timeout: 10_000,
          interval: 20,
        });
        const [open] = harness.slack.callsTo('views.open');
        expect(open?.args['trigger_id']).toBe('398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c');
        const view = open?.args['view'] as { callback_id: string; private_metadata: string };
        const submission = {
          type: 'view_submission',
          team: { id: 'T1DC2JH3J', domain: 'testteamnow' },
          user: { id: 'U2CERLKJA', username: 'roadrunner', name: 'roadrunner', team_id: 'T1DC2JH3J' },
          api_app_id: 'A123ABC456',
          token: 'x',
          trigger_id: '1.2.3',
          view: {
            ...view,
            id: 'V123',
            state: { values: { log_excerpt: { text: { type: 'plain_text_input', value: DENIAL_LINE } } } },
          },
        };
        const response = await postSigned(harness.eventsUrl, form({ payload: JSON.stringify(submission) }), {
          contentType: 'application/x-www-form-urlencoded',
        });
        expect(response.status).toBe(200);
        await settled(harness);
        const dm = postsIn(harness, 'U2CERLKJA');
        expect(dm).toHaveLength(1);

        const blank = {
          ...submission,
          view: {
            ...submission.view,
            state: { values: { log_excerpt: { text: { type: 'plain_text_input', value: '   ' } } } },
          },
        };
        const refused = await postSigned(harness.eventsUrl, form({ payload: JSON.stringify(blank) }), {
          contentType: 'application/x-www-form-urlencoded',
        });
        expect(JSON.parse(refused.body)).toEqual({
          response_action: 'errors',
          errors: { log_excerpt: 'Attach a log file above or paste at least one line from a Qlik Sense log.' },
        });
        await settled(harness);
        expect(postsIn(harness, 'U2CERLKJA')).toHaveLength(1);
        expect(textOf(dm[0])).toContain('CORP\\mweber hit the limit of 5 parallel sessions');
      });

      function click(actionId: string, value: string, user = 'U2CERLKJA'): string {
        const responseUrl = `${harness.slack.url}/actions/T111/111/${actionId}-${user}`;
        return buttonClickForm({ actionId, value, user, channel: { id: 'C111', name: 'test-channel' }, responseUrl });
      }
      const actionResponses = (suffix: string) =>
        harness.slack.callsTo('response_url').filter((call) => call.path.endsWith(suffix));

      it('counts feedback once per person and reply, logged as one structured line without message content', async () => {
        await postSigned(harness.eventsUrl, click('qlik_sessions_helpful', 'limit-reached'), {
          contentType: 'application/x-www-form-urlencoded',
        });
        await settled(harness);
        await postSigned(harness.eventsUrl, click('qlik_sessions_not_helpful', 'limit-reached'), {
          contentType: 'application/x-www-form-urlencoded',
        });
        await settled(harness);
        await postSigned(harness.eventsUrl, click('qlik_sessions_not_helpful', 'limit-reached', 'UOTHER001'), {
          contentType: 'application/x-www-form-urlencoded',
        });
        // A forged topic is logged and refused: it cannot add fields to the counts.
        await postSigned(harness.eventsUrl, click('qlik_sessions_helpful', 'made-up-topic'), {
          contentType: 'application/x-www-form-urlencoded',
        });
        await settled(harness);
        expect(harness.logger.lines.filter((line) => line.includes('feedback'))).toEqual([
          'info feedback topic=limit-reached verdict=helpful by=U2CERLKJA counted=true total=1',
          'info feedback topic=limit-reached verdict=not-helpful by=U2CERLKJA counted=false total=0',
          'info feedback topic=limit-reached verdict=not-helpful by=UOTHER001 counted=true total=1',
          'warn feedback for an unknown topic ignored event=feedback topic=made-up-topic by=U2CERLKJA reason=unknown-topic',
        ]);
      });

      it('shares the ephemeral answer in the channel on request, once', async () => {
        await postSigned(harness.eventsUrl, slash('kb tabs-vs-browsers'), {
          contentType: 'application/x-www-form-urlencoded',
        });
        await settled(harness);
        const [answer] = responses('kb tabs-vs-browsers');
        const blocks = answer?.args['blocks'] as {
          type: string;
          elements?: { action_id?: string; value?: string }[];
        }[];
        const shareId =
          blocks.flatMap((block) => block.elements ?? []).find((element) => element.action_id === 'qlik_sessions_share')
            ?.value ?? '';
        expect(shareId).toMatch(/^[0-9a-f-]{36}$/);

        await postSigned(harness.eventsUrl, click('qlik_sessions_share', shareId), {
          contentType: 'application/x-www-form-urlencoded',
        });
        await vi.waitFor(() => expect(actionResponses('qlik_sessions_share-U2CERLKJA')).toHaveLength(1), {
          timeout: 10_000,
          interval: 20,
        });
        const [shared] = actionResponses('qlik_sessions_share-U2CERLKJA');
        expect(shared?.args['response_type']).toBe('in_channel');
        expect(shared?.args['delete_original']).toBe(true);
        const withoutShare = blocks
          .map((block) =>
            block.type === 'actions'
              ? { ...block, elements: block.elements?.filter((element) => element.action_id !== 'qlik_sessions_share') }
              : block,
          )
          .filter((block) => block.type !== 'actions' || (block.elements?.length ?? 0) > 0);
        expect(shared?.args['blocks']).toEqual(withoutShare);

        await postSigned(harness.eventsUrl, click('qlik_sessions_share', shareId), {
          contentType: 'application/x-www-form-urlencoded',
        });
        await vi.waitFor(() => expect(actionResponses('qlik_sessions_share-U2CERLKJA')).toHaveLength(2), {
          timeout: 10_000,
          interval: 20,
        });
        expect(textOf(actionResponses('qlik_sessions_share-U2CERLKJA')[1])).toContain('no longer available');
      });

      it('refuses "End sessions" to a non-admin and ends them for an admin, logging who, whom and how many', async () => {
        await postSigned(harness.eventsUrl, click('qlik_sessions_end_sessions', 'CORP\\mweber'), {
          contentType: 'application/x-www-form-urlencoded',
        });
        await settled(harness);
        expect(ended).toEqual([]);
        expect(JSON.stringify(actionResponses('qlik_sessions_end_sessions-U2CERLKJA'))).toContain('QLIK_ADMINS');

        await postSigned(harness.eventsUrl, click('qlik_sessions_end_sessions', 'CORP\\mweber', 'UADMIN01'), {
          contentType: 'application/x-www-form-urlencoded',
        });
        await settled(harness);
        expect(ended).toEqual(['CORP\\mweber']);
        expect(harness.logger.lines).toContain(
          'info end-sessions requested_by=UADMIN01 user=CORP\\mweber ended=3 failed_nodes=0',
        );
        expect(textOf(actionResponses('qlik_sessions_end_sessions-UADMIN01')[0])).toContain(
          'Ended 3 sessions of CORP\\mweber',
        );
      });
    });

    describe('safety', () => {
      it('never puts a mass mention or a user mention from input into any reply', async () => {
        const hostile = '<!channel> <!here> <!everyone> <@U0BOSS> too many sessions';
        await postSigned(
          harness.eventsUrl,
          eventCallback('message-channels.json', { channel: 'CHOSTILE1', text: hostile }).body,
        );
        await postSigned(
          harness.eventsUrl,
          eventCallback('app-mention.json', { channel: 'CHOSTILE2', text: `<@${STAND_IN_BOT_USER}> ${hostile}` }).body,
        );
        await settled(harness);
        const outgoing = harness.slack.calls.filter((call) => call.method !== 'file' && call.method !== 'auth.test');
        expect(outgoing.length).toBeGreaterThan(2);
        for (const call of outgoing) expect(JSON.stringify(call.args)).not.toMatch(MASS_MENTION);
        for (const call of harness.slack.callsTo('chat.postMessage')) {
          expect(call.args['link_names']).toBeUndefined();
          expect(call.args['parse']).toBeUndefined();
        }
      });

      it('never logs the token or message text', () => {
        const log = harness.logger.lines.join('\n');
        expect(log).not.toContain('xoxb-');
        expect(log).not.toContain('too many sessions');
        expect(log).not.toContain('mweber was denied');
      });
    });
  },
);
