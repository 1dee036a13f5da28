import { describe, expect, it } from 'vitest';
import type { Bot } from '../src/bot/index.js';
import { readConfig } from '../src/config/index.js';
import { buildApp } from '../src/main.js';
import { freePortNobodyListensOn } from './support/free-port.js';
import { recordingLogger } from './support/recording-logger.js';
import { SIGNING_SECRET } from './support/signed-slack-request.js';
import { startSlackStandIn } from './support/slack-stand-in.js';

// Start-up never reaches the conversation; this stand-in only satisfies the port.
const bot: Bot = {
  handle: async () => ({ kind: 'quiet', reason: 'test' }),
  endSessions: async () => ({
    tone: 'live',
    headline: '',
    sections: [],
    facts: null,
    entries: [],
    caveats: [],
    actions: [],
  }),
};

describe('buildApp with REDIS_URL', () => {
  it('refuses to serve Slack when Redis does not answer, naming the server and the way out', async () => {
    const slack = await startSlackStandIn();
    const port = await freePortNobodyListensOn();
    const read = readConfig({
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: `${slack.url}/api/`,
      REDIS_URL: `redis://:hunter2@127.0.0.1:${port}`,
    });
    if (!read.ok) throw new Error(read.errors.join('; '));
    const app = buildApp(read.config, { logger: recordingLogger(), bot, webApiRetries: 0 });
    const started = await app.startSlack({ port: 0 });
    await slack.close();
    expect(started.ok).toBe(false);
    const error = started.ok ? '' : started.error;
    expect(error).toContain(`Redis at redis://:***@127.0.0.1:${port} is unreachable`);
    expect(error).toContain(
      'check REDIS_URL and that Redis is running. Or unset REDIS_URL to run one replica with its state in memory.',
    );
    expect(error).not.toContain('hunter2');
    expect(slack.callsTo('auth.test')).toHaveLength(0);
    // The store the watch and App Home would use says the same, and no closed store is handed out.
    const state = await app.stateStore();
    expect(state.ok ? '' : state.error).toContain('is unreachable');
  });

  it('hands Slack, the watch and App Home one store: memory without REDIS_URL', async () => {
    const read = readConfig({});
    if (!read.ok) throw new Error(read.errors.join('; '));
    const app = buildApp(read.config, { logger: recordingLogger() });
    const [first, second] = await Promise.all([app.stateStore(), app.stateStore()]);
    if (!first.ok || !second.ok) throw new Error('expected a memory store');
    expect(second.shared).toBe(first.shared);
    await first.shared.incrementField('feedback', 'five-session-limit:helpful');
    expect(await second.shared.readFields('feedback')).toEqual({ 'five-session-limit:helpful': 1 });
    await first.close();
  });
});
