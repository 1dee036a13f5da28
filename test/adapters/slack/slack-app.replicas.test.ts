import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createMemoryStateStore, createRedisStateStore } from '../../../src/adapters/state/index.js';
import type { LiveQlik, StateStore } from '../../../src/bot/index.js';
import { freePortNobodyListensOn } from '../../support/free-port.js';
import { hasRedisServer, startRedisServer, type RunningRedis } from '../../support/redis-server.js';
import { buttonClickForm, postSigned } from '../../support/signed-slack-request.js';
import { messageDelivery, nextTs, slashCommandForm } from '../../support/slack-deliveries.js';
import { HARNESS_ADMIN, realBot, startHarness, type Harness } from '../../support/slack-harness.js';
import { textOf, type RecordedCall } from '../../support/slack-stand-in.js';

const HUB_ERROR =
  'Users get "You cannot access Qlik Sense because you have too many sessions active in parallel" since this morning';
const FORM = { contentType: 'application/x-www-form-urlencoded' };

/** Two replicas, as behind a load balancer in HTTP mode: the same Bolt app twice, one Redis, each its own Slack stand-in. */
describe.runIf(hasRedisServer())('two replicas sharing one redis-server', () => {
  let redis: RunningRedis;
  let replicas: Harness[];
  const stores: StateStore[] = [];
  const ended: string[] = [];
  const live: LiveQlik = {
    sessions: async (user) => ({ ok: true, value: { user, total: 2, sessions: [], errors: [] } }),
    licenses: async (user) => ({ ok: true, value: { user, allocations: [] } }),
    endSessions: async (user) => {
      ended.push(user);
      return { ok: true, value: { user, ended: 2, errors: [] } };
    },
    doctor: async () => ({ ok: true, value: { findings: [] } }),
  };

  beforeAll(async () => {
    redis = await startRedisServer();
    const prefix = `replicas-${randomUUID()}:`;
    replicas = [];
    for (let n = 0; n < 2; n += 1) {
      const state = createRedisStateStore(redis.url, { keyPrefix: prefix });
      stores.push(state);
      replicas.push(await startHarness({ bot: (context) => realBot(context, live), state }));
    }
  });
  afterAll(async () => {
    for (const replica of replicas ?? []) await replica.close();
    for (const store of stores) await store.close();
    await redis?.stop();
  });

  const [a, b] = [0, 1];
  const replica = (n: number): Harness => {
    const found = replicas[n];
    if (found === undefined) throw new Error(`no replica ${n}`);
    return found;
  };
  const posts = (channel: string): RecordedCall[] =>
    replicas.flatMap((each) =>
      each.slack.callsTo('chat.postMessage').filter((call) => call.args['channel'] === channel),
    );
  const settled = () =>
    vi.waitFor(() => expect(replicas.map((each) => each.app.inFlight())).toEqual([0, 0]), {
      timeout: 20_000,
      interval: 20,
    });

  it('answers every message exactly once when each delivery reaches both replicas', async () => {
    const channels = Array.from({ length: 12 }, (_, n) => `D0REPL${String(n).padStart(3, '0')}`);
    const deliveries = channels.map((channel) => messageDelivery({ channel, user: 'U0ASKER1', text: HUB_ERROR }));
    // Slack's retry (same event_id) lands on the other replica, at the same moment as the first delivery.
    const statuses = await Promise.all(
      deliveries.flatMap(({ body }) => [
        postSigned(replica(a).eventsUrl, body),
        postSigned(replica(b).eventsUrl, body),
      ]),
    );
    expect(statuses.every((response) => response.status === 200)).toBe(true);
    await settled();
    for (const channel of channels) expect(posts(channel)).toHaveLength(1);
    // Both replicas did part of the work: the load was shared, the answers were not doubled.
    const answeredBy = replicas.map(
      (each) =>
        each.slack.callsTo('chat.postMessage').filter((call) => channels.includes(String(call.args['channel']))).length,
    );
    expect(answeredBy.reduce((sum, count) => sum + count, 0)).toBe(channels.length);
  });

  it('answers a mention once when it arrives as `message` on one replica and `app_mention` on the other', async () => {
    const channel = 'C0MENTION1';
    const ts = nextTs();
    const text = `<@UBOT0001> ${HUB_ERROR}`;
    const asMessage = messageDelivery({ channel, user: 'U0ASKER1', text, ts });
    const asMention = messageDelivery({ channel, user: 'U0ASKER1', text, ts, type: 'app_mention' });
    await Promise.all([
      postSigned(replica(a).eventsUrl, asMessage.body),
      postSigned(replica(b).eventsUrl, asMention.body),
    ]);
    await settled();
    expect(posts(channel)).toHaveLength(1);
  });

  it('keeps the channel cooldown across replicas: a second unrequested reply within it is held back', async () => {
    const channel = 'C0COOL001';
    await postSigned(replica(a).eventsUrl, messageDelivery({ channel, user: 'U0ASKER1', text: HUB_ERROR }).body);
    await settled();
    await postSigned(replica(b).eventsUrl, messageDelivery({ channel, user: 'U0ASKER2', text: HUB_ERROR }).body);
    await settled();
    expect(posts(channel)).toHaveLength(1);
    expect(replica(b).logger.lines.some((line) => line.includes('auto-reply held back in C0COOL001'))).toBe(true);
  });

  it('shares an answer from the other replica, once', async () => {
    const answerPath = '/commands/share-1';
    await postSigned(
      replica(a).eventsUrl,
      slashCommandForm({
        text: 'why five sessions',
        user: 'U0ASKER1',
        channel: 'C0SUPPORT',
        responseUrl: `${replica(a).slack.url}${answerPath}`,
      }),
      FORM,
    );
    await settled();
    const answer = replica(a)
      .slack.callsTo('response_url')
      .find((call) => call.path === answerPath);
    expect(answer?.args['response_type']).toBe('ephemeral');
    const share = (answer?.args['blocks'] as { type: string; elements?: { action_id: string; value: string }[] }[])
      .flatMap((block) => block.elements ?? [])
      .find((element) => element.action_id === 'qlik_sessions_share');
    expect(share?.value).toMatch(/^[0-9a-f-]{36}$/);

    const click = (n: number, path: string) =>
      postSigned(
        replica(n).eventsUrl,
        buttonClickForm({
          actionId: 'qlik_sessions_share',
          value: share?.value ?? '',
          user: 'U0ASKER1',
          channel: { id: 'C0SUPPORT', name: 'qlik-support' },
          responseUrl: `${replica(n).slack.url}${path}`,
        }),
        FORM,
      );
    await click(b, '/actions/share-on-b');
    await settled();
    const shared = replica(b)
      .slack.callsTo('response_url')
      .find((call) => call.path === '/actions/share-on-b');
    expect(shared?.args['response_type']).toBe('in_channel');
    // The same answer as the ephemeral one, in public, without its share button.
    expect(shared?.args['text']).toBe(answer?.args['text']);
    expect(JSON.stringify(shared?.args['blocks'])).not.toContain('qlik_sessions_share');
    expect(String(shared?.args['text'])).toMatch(/\S/);

    await click(a, '/actions/share-again-on-a');
    await settled();
    const again = replica(a)
      .slack.callsTo('response_url')
      .find((call) => call.path === '/actions/share-again-on-a');
    expect(again?.args['response_type']).toBe('ephemeral');
    expect(textOf(again)).toContain('no longer available to share');
  });

  it('ends sessions once when the same End click is posted to both replicas', async () => {
    const body = (n: number) =>
      buttonClickForm({
        actionId: 'qlik_sessions_end_sessions',
        value: 'CORP\\mweber',
        user: HARNESS_ADMIN,
        channel: { id: 'C0SUPPORT', name: 'qlik-support' },
        responseUrl: `${replica(n).slack.url}/actions/end-replayed`,
        triggerId: '111.222.replayed-across-replicas',
      });
    // The response_url differs only because each replica has its own stand-in; Slack's would be the same.
    await Promise.all([
      postSigned(replica(a).eventsUrl, body(a), FORM),
      postSigned(replica(b).eventsUrl, body(b), FORM),
    ]);
    await settled();
    expect(ended).toEqual(['CORP\\mweber']);
  });
});

describe('a replica whose Redis is unreachable', () => {
  let harness: Harness;
  const ended: string[] = [];
  const state = createMemoryStateStore();
  let redisDown: StateStore;

  beforeAll(async () => {
    redisDown = createRedisStateStore(`redis://127.0.0.1:${await freePortNobodyListensOn()}`);
    const live: LiveQlik = {
      sessions: async (user) => ({ ok: true, value: { user, total: 2, sessions: [], errors: [] } }),
      licenses: async (user) => ({ ok: true, value: { user, allocations: [] } }),
      endSessions: async (user) => {
        ended.push(user);
        return { ok: true, value: { user, ended: 2, errors: [] } };
      },
      doctor: async () => ({ ok: true, value: { findings: [] } }),
    };
    harness = await startHarness({ bot: (context) => realBot(context, live), state: redisDown, localState: state });
  });
  afterAll(async () => {
    await harness.close();
    await redisDown.close();
    await state.close();
  });
  const settled = () => vi.waitFor(() => expect(harness.app.inFlight()).toBe(0), { timeout: 20_000, interval: 20 });

  it('still answers a message, de-duplicated in its own memory, and says so in the log once', async () => {
    const channel = 'D0DOWN001';
    const { body } = messageDelivery({ channel, user: 'U0ASKER1', text: HUB_ERROR });
    await postSigned(harness.eventsUrl, body);
    await postSigned(harness.eventsUrl, body);
    await settled();
    expect(harness.slack.callsTo('chat.postMessage').filter((call) => call.args['channel'] === channel)).toHaveLength(
      1,
    );
    const degraded = harness.logger.lines.filter((line) =>
      line.includes("state store failed, using this replica's memory"),
    );
    expect(degraded).toHaveLength(1);
    expect(degraded[0]).toMatch(/is unreachable \(.*ECONNREFUSED.*\): check REDIS_URL/);
  });

  it('refuses an End click it cannot make sure of carrying out once, and ends nothing', async () => {
    const path = '/actions/end-while-down';
    const click = buttonClickForm({
      actionId: 'qlik_sessions_end_sessions',
      value: 'CORP\\mweber',
      user: HARNESS_ADMIN,
      channel: { id: 'C0SUPPORT', name: 'qlik-support' },
      responseUrl: `${harness.slack.url}${path}`,
    });
    await postSigned(harness.eventsUrl, click, FORM);
    await settled();
    expect(ended).toEqual([]);
    const reply = harness.slack.callsTo('response_url').find((call) => call.path === path);
    expect(textOf(reply)).toContain('I cannot make sure this click is carried out only once');
  });
});
