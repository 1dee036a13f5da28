import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { postSigned } from '../../support/signed-slack-request.js';
import { realBot, startHarness, type Harness } from '../../support/slack-harness.js';

const QUESTION = 'Bananas-for-Anna: why do users see too many sessions active in parallel?';
const DENIAL_LINE =
  "Access was denied for User: 'CORP\\zquentin', with AccessID '264ff070-6306-4f1b-85db-21a8468939b5', SessionID: 'e3cd957b-a501-4bec-a3f8-d35170a73efa', SessionCount: '5', Hostname: '::1', OperationType: 'UsageDenied'";

function directMessage(text: string, n: number): string {
  const ts = `${Math.floor(Date.now() / 1000)}.00${n}000`;
  return JSON.stringify({
    type: 'event_callback',
    event_id: `EvLOGS${n}`,
    event_time: Math.floor(Date.now() / 1000),
    event: { type: 'message', channel: 'DLOGS0001', channel_type: 'im', user: 'U0LOGS01', text, ts, event_ts: ts },
  });
}

describe('Slack app logs at LOG_LEVEL=debug', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness({ bot: (context) => realBot(context) });
    for (const [n, text] of [QUESTION, `${QUESTION}\n${DENIAL_LINE}`].entries()) {
      expect((await postSigned(harness.eventsUrl, directMessage(text, n + 1))).status).toBe(200);
    }
    await vi.waitFor(() => expect(harness.slack.callsTo('chat.postMessage')).toHaveLength(2), {
      timeout: 20_000,
      interval: 20,
    });
    await vi.waitFor(() => expect(harness.app.inFlight()).toBe(0), { timeout: 20_000, interval: 20 });
  });
  afterAll(async () => {
    await harness.close();
  });

  it("writes JSON lines only, ours and Bolt's alike (the recording logger parses each one)", () => {
    expect(harness.logger.records.length).toBeGreaterThan(0);
    expect(harness.logger.records.some((record) => record['component'] === 'bolt' && record.level === 'debug')).toBe(
      true,
    );
    expect(harness.logger.records.some((record) => record.msg.startsWith('replied'))).toBe(true);
  });

  it('never writes the message, the pasted log, the reply or the tokens, at any level', () => {
    const everything = JSON.stringify(harness.logger.records);
    expect(everything).not.toContain('Bananas-for-Anna');
    expect(everything).not.toContain('zquentin');
    expect(everything).not.toContain('264ff070');
    expect(everything).not.toContain('xoxb-');
  });
});
