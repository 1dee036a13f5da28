import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAnalysisPool } from '../../../src/adapters/analysis-worker/index.js';
import { loadKnowledgeBase } from '../../../src/adapters/knowledge-files/index.js';
import { createBot } from '../../../src/bot/index.js';
import { postSigned } from '../../support/signed-slack-request.js';
import { startHarness, type Harness } from '../../support/slack-harness.js';
import { textOf } from '../../support/slack-stand-in.js';

const DENIAL =
  "Access was denied for User: 'CORP\\mweber', with AccessID '264ff070-6306-4f1b-85db-21a8468939b5', " +
  "SessionID: 'e3cd957b-a501-4bec-a3f8-d35170a73efa', SessionCount: '5', Hostname: '::1', OperationType: 'UsageDenied'\n";

describe('Slack file shares beyond the analysis pool', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({
      bot: async (context) => {
        const knowledge = await loadKnowledgeBase({});
        if (!knowledge.ok) throw new Error(knowledge.error);
        // One worker and no queue: a second share while the first is analysed is refused at once.
        const pool = createAnalysisPool({ workers: 1, queueLimit: 0, logger: context.logger });
        context.pools.push(pool);
        return createBot({ knowledge: knowledge.knowledge, serviceAccounts: [], analyze: pool.analyze });
      },
    });
  });
  afterAll(async () => {
    await harness.close();
  });

  const share = (channel: string, name: string, eventId: string) => {
    const ts = `${Math.floor(Date.now() / 1000)}.000${eventId.length}`;
    const file = {
      id: `F${eventId}`,
      name,
      mimetype: 'text/plain',
      size: 1000,
      url_private_download: `${harness.slack.url}/files-pri/${name}`,
    };
    const event = {
      type: 'message',
      subtype: 'file_share',
      channel,
      channel_type: 'im',
      user: 'U1',
      text: '',
      ts,
      files: [file],
    };
    return postSigned(
      harness.eventsUrl,
      JSON.stringify({ type: 'event_callback', event_id: eventId, event_time: Math.floor(Date.now() / 1000), event }),
    );
  };
  const repliesIn = (channel: string) =>
    harness.slack.callsTo('chat.postMessage').filter((call) => call.args['channel'] === channel);

  it('tells the second person to try again shortly, and still gives the first one the verdict', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    harness.slack.files.set('held/AuditSecurity_Repository.txt', {
      body: async function* () {
        yield Buffer.from(DENIAL);
        await held;
      },
    });
    harness.slack.files.set('second/AuditSecurity_Repository.txt', { body: Buffer.from(DENIAL) });
    expect((await share('DPOOL0001', 'held/AuditSecurity_Repository.txt', 'EvPOOLFIRST')).status).toBe(200);
    // The first analysis is running once its file is being downloaded.
    await vi.waitFor(() => expect(harness.slack.callsTo('file').length).toBe(1), { timeout: 20_000, interval: 10 });
    expect((await share('DPOOL0002', 'second/AuditSecurity_Repository.txt', 'EvPOOLSECOND')).status).toBe(200);

    await vi.waitFor(() => expect(repliesIn('DPOOL0002')).toHaveLength(1), { timeout: 20_000, interval: 20 });
    expect(textOf(repliesIn('DPOOL0002')[0])).toMatch(/busy analysing other logs.*Try again shortly/);
    // Refused before a byte of it was downloaded.
    expect(harness.slack.callsTo('file').map((call) => call.args['name'])).toEqual([
      'held/AuditSecurity_Repository.txt',
    ]);
    expect(repliesIn('DPOOL0001')).toHaveLength(0);

    release();
    await vi.waitFor(() => expect(repliesIn('DPOOL0001')).toHaveLength(1), { timeout: 20_000, interval: 20 });
    expect(textOf(repliesIn('DPOOL0001')[0])).toContain('CORP\\mweber');
    expect(harness.logger.lines.join('\n')).toContain('analysis refused: every worker busy, queue full');
  });
});
