import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { SHORTCUTS } from '../src/adapters/slack/action-ids.js';
import { SLASH_COMMAND } from '../src/adapters/slack/command-listener.js';
import { SHORTCUT_NAMES } from '../src/adapters/slack/shortcut-names.js';
import { hasSharedFixture, REPO_ROOT, sharedPath } from './support/shared-fixtures.js';

const SCHEMA = sharedPath('fixtures', 'slack', 'manifest.schema.1.0.0.json');

interface Manifest {
  features: { slash_commands: { command: string; url?: string }[] };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    socket_mode_enabled: boolean;
    interactivity: { is_enabled: boolean; request_url?: string };
    event_subscriptions: { bot_events: string[]; request_url?: string };
  };
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
    validate = new Ajv({ strict: false, allErrors: true, validateFormats: false }).compile(
      JSON.parse(readFileSync(SCHEMA, 'utf8')) as object,
    );
  });

  it.for(MANIFESTS)("$file is valid against Slack's manifest schema", ({ file }) => {
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
      expect.arrayContaining([
        'commands',
        'chat:write',
        'app_mentions:read',
        'channels:history',
        'groups:history',
        'im:history',
        'files:read',
        'reactions:write',
      ]),
    );
    // conversations.list, to resolve QLIK_SUPPORT_CHANNELS given as names.
    expect(m.oauth_config.scopes.bot).toEqual(expect.arrayContaining(['channels:read', 'groups:read']));
    expect(m.settings.event_subscriptions.bot_events).toEqual(
      expect.arrayContaining(['app_mention', 'message.channels', 'message.groups', 'message.im']),
    );
    expect(m.settings.interactivity.is_enabled).toBe(true);
    expect(m.settings.socket_mode_enabled).toBe(socket);
    const urls = [
      m.settings.interactivity.request_url,
      m.settings.event_subscriptions.request_url,
      m.features.slash_commands[0]?.url,
    ];
    if (socket) expect(urls).toEqual([undefined, undefined, undefined]);
    else for (const url of urls) expect(url).toMatch(/^https:\/\/.+\/slack\/events$/);
  });
});

/** What the code uses, each with the source that proves it: a manifest declares these and nothing else. */
const SCOPE_EVIDENCE: Record<string, RegExp> = {
  'app_mentions:read': /app\.event\(type|'app_mention'/,
  // QLIK_SUPPORT_CHANNELS given as names are looked up in public and private channels.
  'channels:read': /conversations\.list/,
  'groups:read': /conversations\.list/,
  'channels:history': /registerMessageListeners/,
  'groups:history': /registerMessageListeners/,
  'im:history': /registerMessageListeners/,
  'mpim:history': /registerMessageListeners/,
  'chat:write': /chat\.postMessage/,
  commands: /app\.command\(/,
  'files:read': /files\.info|downloadSlackFile/,
  'files:write': /files\.getUploadURLExternal/,
  'reactions:write': /reactions\.add/,
};
const EVENT_EVIDENCE: Record<string, RegExp> = {
  app_mention: /'app_mention'/,
  app_home_opened: /app\.event\('app_home_opened'/,
  'message.channels': /'message'/,
  'message.groups': /'message'/,
  'message.im': /'message'/,
  'message.mpim': /'message'/,
};

function slackSources(): string {
  const root = join(REPO_ROOT, 'src', 'adapters', 'slack');
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
  return files.map((file) => readFileSync(join(root, file), 'utf8')).join('\n');
}

describe.skipIf(!hasSharedFixture(SCHEMA))('Slack app manifests declare what the code uses, and nothing more', () => {
  const source = slackSources();

  it.for(MANIFESTS)(
    '$file: the message and global shortcuts with the callback ids and names the listeners use',
    ({ file }) => {
      const m = JSON.parse(readFileSync(join(REPO_ROOT, 'manifests', file), 'utf8')) as {
        features: {
          shortcuts: { name: string; type: string; callback_id: string }[];
          app_home: { home_tab_enabled: boolean };
        };
      };
      expect(m.features.shortcuts.map(({ name, type, callback_id }) => ({ name, type, callback_id }))).toEqual([
        { name: SHORTCUT_NAMES.analyzeMessage, type: 'message', callback_id: SHORTCUTS.analyzeMessage },
        { name: SHORTCUT_NAMES.analyzeForm, type: 'global', callback_id: SHORTCUTS.analyzeForm },
      ]);
      expect(source).toContain("type: 'message_action', callback_id: SHORTCUTS.analyzeMessage");
      expect(source).toContain("type: 'shortcut', callback_id: SHORTCUTS.analyzeForm");
      expect(m.features.app_home.home_tab_enabled).toBe(true);
    },
  );

  it.for(MANIFESTS)(
    '$file: every scope and event is used by the code, and every one the code uses is declared',
    ({ file }) => {
      const m = manifest(file);
      expect([...m.oauth_config.scopes.bot].sort()).toEqual(Object.keys(SCOPE_EVIDENCE).sort());
      expect([...m.settings.event_subscriptions.bot_events].sort()).toEqual(Object.keys(EVENT_EVIDENCE).sort());
      for (const [scope, evidence] of [...Object.entries(SCOPE_EVIDENCE), ...Object.entries(EVENT_EVIDENCE)]) {
        expect(evidence.test(source), `${scope} is declared: the code should use it`).toBe(true);
      }
    },
  );
});
