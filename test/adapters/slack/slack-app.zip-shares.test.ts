import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { analyzeLogs } from '../../../src/core/verdict/index.js';
import { fileInputs } from '../../support/log-inputs.js';
import { APRIL_2018_LOG_DIR, hasSharedFixture, sharedPath } from '../../support/shared-fixtures.js';
import { form, payload, postSigned } from '../../support/signed-slack-request.js';
import { realBot, startHarness, type Harness } from '../../support/slack-harness.js';
import { textOf, type RecordedCall } from '../../support/slack-stand-in.js';

const DENIAL =
  "Access was denied for User: 'CORP\\mweber', with AccessID '264ff070-6306-4f1b-85db-21a8468939b5', " +
  "SessionID: 'e3cd957b-a501-4bec-a3f8-d35170a73efa', SessionCount: '5', Hostname: '::1', OperationType: 'UsageDenied'";

/** `count` denials of separate attempts: each its own session id, since the same line given twice counts once. */
function denials(count: number): Buffer {
  const lines = Array.from({ length: count }, (_, index) =>
    DENIAL.replace('d35170a73efa', index.toString(16).padStart(12, '0')),
  );
  return Buffer.from(`${lines.join('\n')}\n`);
}

/** What the Log Collector writes beside the logs. */
const COLLECTOR_EXTRAS = {
  'LogCollector.json': Buffer.from('{"version":"1.0"}'),
  'Config\\Settings.ini': Buffer.from('[Proxy]\n'),
};

/** The files of a folder as zip entries named with Windows separators, read in place. */
function zipOfFolder(folder: string): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  const walk = (path: string): void => {
    if (statSync(path).isDirectory()) readdirSync(path).forEach((name) => walk(join(path, name)));
    else entries[`Log\\${relative(folder, path).split('/').join('\\')}`] = readFileSync(path);
  };
  walk(folder);
  return zipSync(entries);
}

let sequence = 0;
function fileShare(channel: string, file: Record<string, unknown>, extra: Record<string, unknown> = {}): string {
  const base = payload('message-channels.json');
  sequence += 1;
  const ts = `${Math.floor(Date.now() / 1000)}.${String(sequence).padStart(6, '0')}`;
  const event = {
    ...(base['event'] as object),
    channel,
    ts,
    event_ts: ts,
    subtype: 'file_share',
    files: [file],
    text: '',
    ...extra,
  };
  return JSON.stringify({
    ...base,
    event_id: `EvZip${Date.now().toString(36)}${sequence}`,
    event_time: Math.floor(Date.now() / 1000),
    event,
  });
}

describe.skipIf(!hasSharedFixture(sharedPath('fixtures', 'slack', 'payloads')))(
  'a Log Collector zip shared in Slack, over the real Bolt receiver',
  () => {
    let harness: Harness;
    // A small cap, so a zip bomb is cheap to build: 1 MB of unzipped logs.
    const env = { SLACK_MAX_FILE_MB: '1' };

    beforeAll(async () => {
      harness = await startHarness({ bot: (context) => realBot(context, undefined, undefined, env), env });
    });
    afterAll(async () => {
      await harness.close();
    });

    const posts = (channel: string): RecordedCall[] =>
      harness.slack.callsTo('chat.postMessage').filter((call) => call.args['channel'] === channel);
    const settled = () => vi.waitFor(() => expect(harness.app.inFlight()).toBe(0), { timeout: 30_000, interval: 20 });

    function serve(name: string, zip: Uint8Array): Record<string, unknown> {
      harness.slack.files.set(`zips/${name}`, { body: Buffer.from(zip), contentType: 'application/zip' });
      return {
        id: `F${name.replace(/\W/g, '').toUpperCase()}`,
        name,
        mimetype: 'application/zip',
        filetype: 'zip',
        size: zip.byteLength,
        url_private_download: `${harness.slack.url}/files-pri/zips/${name}`,
      };
    }

    it('analyses the logs inside a zip shared in a channel thread, nested folders and Windows names, extras passed over', async () => {
      const channel = 'CZIPTHRD1';
      const zip = zipSync({
        'Log\\Repository\\Audit\\QS1_AuditSecurity_Repository.txt': denials(7),
        ...COLLECTOR_EXTRAS,
      });
      const parent = `${Math.floor(Date.now() / 1000) - 30}.000100`;
      await postSigned(harness.eventsUrl, fileShare(channel, serve('thread.zip', zip), { thread_ts: parent }));
      await settled();
      const [reply] = posts(channel);
      expect(reply?.args['thread_ts']).toBe(parent);
      expect(textOf(reply)).toContain('CORP\\mweber hit the limit of 5 parallel sessions');
      expect(textOf(reply)).toContain('denied 7 times');
      expect(textOf(reply)).not.toContain('Settings.ini');
      expect(textOf(reply)).not.toContain('unzip');
    });

    it('lists what a zip shared in a DM held when none of it is a Qlik log', async () => {
      const channel = 'DZIPNONE1';
      await postSigned(
        harness.eventsUrl,
        fileShare(channel, serve('settings.zip', zipSync(COLLECTOR_EXTRAS)), { channel_type: 'im' }),
      );
      await settled();
      const text = textOf(posts(channel)[0]);
      expect(text).toContain(
        'settings.zip holds no Qlik Sense log files (it held Config/Settings.ini, LogCollector.json)',
      );
      expect(text).toContain('run the Log Collector');
    });

    it('answers a zip bomb with "too large once unzipped", without reading past the cap', async () => {
      const channel = 'DZIPBOMB1';
      // 8 MB of log lines compress to a few kilobytes: within the 1 MB cap packed, far beyond it unpacked.
      const zip = zipSync({
        'Log\\Proxy\\Audit\\QS1_AuditActivity_Proxy.txt': Buffer.alloc(8 * 1024 * 1024, `${DENIAL}\n`),
      });
      expect(zip.byteLength).toBeLessThan(1024 * 1024);
      await postSigned(harness.eventsUrl, fileShare(channel, serve('bomb.zip', zip), { channel_type: 'im' }));
      await settled();
      const text = textOf(posts(channel)[0]);
      expect(text).toContain('I could not analyse the attached file.');
      expect(text).toContain('bomb.zip is larger than 1 MB once unzipped');
    });

    it('analyses a zip attached in the analyze form', async () => {
      const file = serve(
        'form.zip',
        zipSync({ 'Log\\Repository\\Audit\\QS1_AuditSecurity_Repository.txt': denials(3) }),
      );
      const view = {
        id: 'VZIP1',
        type: 'modal',
        callback_id: 'qlik_sessions_analyze',
        private_metadata: '',
        state: {
          values: {
            log_files: { files: { type: 'file_input', files: [file] } },
            log_excerpt: { text: { type: 'plain_text_input', value: null } },
            destination: { where: { type: 'radio_buttons', selected_option: { value: 'channel' } } },
            channel: { channel: { type: 'conversations_select', selected_conversation: 'CZIPFORM1' } },
          },
        },
      };
      const user = { id: 'U2CERLKJA', username: 'roadrunner', name: 'roadrunner', team_id: 'T1DC2JH3J' };
      const body = form({
        payload: JSON.stringify({
          type: 'view_submission',
          api_app_id: 'A123ABC456',
          token: 'x',
          team: { id: 'T1DC2JH3J' },
          user,
          trigger_id: '1.2.3',
          view,
        }),
      });
      expect(
        (await postSigned(harness.eventsUrl, body, { contentType: 'application/x-www-form-urlencoded' })).status,
      ).toBe(200);
      await settled();
      expect(textOf(posts('CZIPFORM1')[0])).toContain('denied 3 times');
    });

    describe.skipIf(!hasSharedFixture(APRIL_2018_LOG_DIR))('the real April 2018 Log folder, zipped in the test', () => {
      it('gives the verdict the folder gives', async () => {
        const folder = await analyzeLogs(fileInputs(APRIL_2018_LOG_DIR));
        const channel = 'DZIPAPRIL';
        // The whole folder unzipped is well under 1 MB.
        await postSigned(
          harness.eventsUrl,
          fileShare(channel, serve('april-2018.zip', zipOfFolder(APRIL_2018_LOG_DIR)), { channel_type: 'im' }),
        );
        await settled();
        const text = textOf(posts(channel)[0]);
        expect(folder.verdict).toMatchObject({ code: 'no-license', user: 'DOMAIN\\administrator' });
        expect(text).toContain(folder.verdict.title);
        expect(text).toContain('DOMAIN\\qvservice');
      });
    });
  },
);
