import type { Bot } from '../../../src/bot/bot.js';
import { describe, expect, it } from 'vitest';
import { createSlackApp } from '../../../src/adapters/slack/create-slack-app.js';
import type { FileFetch } from '../../../src/adapters/slack/download-slack-file.js';
import { decodeSlackEntities } from '../../../src/adapters/slack/decode-slack-text.js';
import { escapeMrkdwn } from '../../../src/adapters/slack/to-mrkdwn.js';
import { readConfig, slackCredentials, type Environment } from '../../../src/config/index.js';
import { recordingLogger } from '../../support/slack-harness.js';
import { createMemoryStateStore } from '../../../src/adapters/state/index.js';

// Transport tests never reach the conversation; this stand-in only satisfies the port.
const bot: Bot = {
  handle: async () => ({ kind: 'quiet', reason: 'test' }),
  endSessions: async () => {
    throw new Error('not reached in transport tests');
  },
};
const fetchFile: FileFetch = async () => {
  throw new Error('no network in this test');
};

function slackConfig(env: Environment) {
  const read = readConfig(env);
  if (!read.ok) throw new Error(read.errors.join('; '));
  return read.config.slack;
}

function create(env: Environment) {
  const config = slackConfig(env);
  const checked = slackCredentials(config);
  if (!checked.ok) return checked;
  return {
    ok: true as const,
    app: createSlackApp({
      config,
      credentials: checked.credentials,
      logLevel: 'error',
      bot,
      logger: recordingLogger(),
      fetchFile,
      state: createMemoryStateStore(),
    }),
  };
}

describe('createSlackApp transport, from the credentials slackCredentials checked', () => {
  it('uses Socket Mode when SLACK_APP_TOKEN is set', () => {
    const created = create({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', SLACK_SIGNING_SECRET: 'ignored' });
    expect(created.ok && created.app.transport).toEqual({ mode: 'socket' });
  });

  it('uses HTTP on PORT with the signing secret otherwise', () => {
    const created = create({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', PORT: '8123' });
    expect(created.ok && created.app.transport).toEqual({ mode: 'http', port: 8123 });
  });

  it.for([
    { env: { SLACK_SIGNING_SECRET: 's' }, says: 'SLACK_BOT_TOKEN' },
    { env: { SLACK_BOT_TOKEN: 'xoxb-1' }, says: 'SLACK_SIGNING_SECRET' },
  ])('refuses to build without $says', ({ env, says }) => {
    const created = create(env);
    expect(created.ok).toBe(false);
    expect(created.ok ? '' : created.error).toContain(says);
  });
});

describe('button values', () => {
  it.for(['CORP\\mweber', '<!channel> & co', 'a&amp;b'])('round-trip %s through escaping', (value) => {
    expect(decodeSlackEntities(escapeMrkdwn(value))).toBe(value);
  });
});
