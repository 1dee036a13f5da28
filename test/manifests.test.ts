import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { SLASH_COMMAND } from '../src/adapters/slack/command-listener.js';
import { hasSharedFixture, REPO_ROOT, sharedPath } from './support/shared-fixtures.js';

const SCHEMA = sharedPath('fixtures', 'slack', 'manifest.schema.1.0.0.json');

interface Manifest {
  features: { slash_commands: { command: string; url?: string }[] };
  oauth_config: { scopes: { bot: string[] } };
  settings: { socket_mode_enabled: boolean; interactivity: { is_enabled: boolean; request_url?: string }; event_subscriptions: { bot_events: string[]; request_url?: string } };
}

function manifest(name: string): Manifest {
  return JSON.parse(readFileSync(join(REPO_ROOT, 'manifests', name), 'utf8')) as Manifest;
}

const MANIFESTS = [
  { file: 'socket-mode.json', socket: true },
  { file: 'http.json', socket: false },
];

describe.skipIf(!hasSharedFixture(SCHEMA))('Slack app manifests against the schema', () => {
  // Compiled in beforeAll: vitest runs a skipped suite's body while collecting, and the schema may not be there.
  let validate: ValidateFunction;
  beforeAll(() => {
    // strict: false because the schema uses the "uri" format and keywords ajv does not know without plugins.
    validate = new Ajv({ strict: false, allErrors: true, validateFormats: false }).compile(JSON.parse(readFileSync(SCHEMA, 'utf8')) as object);
  });

  it.for(MANIFESTS)('$file is valid against Slack\'s manifest schema', ({ file }) => {
    const valid = validate(manifest(file));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('rejects a broken manifest (the validator really validates)', () => {
    const broken = manifest('http.json');
    broken.features.slash_commands[0] = { command: 'qlik-sessions' };
    expect(validate(broken)).toBe(false);
  });
});

describe('Slack app manifests', () => {
  it.for(MANIFESTS)('$file has the command, scopes and events the code uses', ({ file, socket }) => {
    const m = manifest(file);
    expect(m.features.slash_commands.map((command) => command.command)).toEqual([SLASH_COMMAND]);
    expect(m.oauth_config.scopes.bot).toEqual(
      expect.arrayContaining(['commands', 'chat:write', 'app_mentions:read', 'channels:history', 'groups:history', 'im:history', 'files:read', 'reactions:write']),
    );
    // conversations.list, to resolve QLIK_SUPPORT_CHANNELS given as names.
    expect(m.oauth_config.scopes.bot).toEqual(expect.arrayContaining(['channels:read', 'groups:read']),
    );
    expect(m.settings.event_subscriptions.bot_events).toEqual(expect.arrayContaining(['app_mention', 'message.channels', 'message.groups', 'message.im']));
    expect(m.settings.interactivity.is_enabled).toBe(true);
    expect(m.settings.socket_mode_enabled).toBe(socket);
    const urls = [m.settings.interactivity.request_url, m.settings.event_subscriptions.request_url, m.features.slash_commands[0]?.url];
    if (socket) expect(urls).toEqual([undefined, undefined, undefined]);
    else for (const url of urls) expect(url).toMatch(/^https:\/\/.+\/slack\/events$/);
  });
});
