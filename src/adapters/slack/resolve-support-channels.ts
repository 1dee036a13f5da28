import type { webApi } from '@slack/bolt';
import type { SlackConfig } from '../../config/index.js';

/** A start-up check that failed with a message meant for the admin as it is (which setting, what to do). */
export class StartupRefusal extends Error {
  override readonly name = 'StartupRefusal';
}

const ID_HELP = "or use the channel id (C0123ABCDEF, at the bottom of the channel's details)";
const MAX_PAGES = 100;

function slackErrorCode(error: unknown): string | undefined {
  const data = (error as { data?: { error?: unknown } }).data;
  return typeof data?.error === 'string' ? data.error : undefined;
}

/**
 * QLIK_SUPPORT_CHANNELS as channel ids: names (`#qlik-support`) are looked up once with conversations.list, since
 * events carry ids only and a name would never match. Unknown names and a missing scope stop the start.
 */
export async function resolveSupportChannels(
  client: webApi.WebClient,
  channels: SlackConfig['supportChannels'],
): Promise<readonly string[] | 'all'> {
  if (channels === 'all') return 'all';
  const names = channels.flatMap((channel) => ('name' in channel ? [channel.name] : []));
  const ids = channels.flatMap((channel) => ('id' in channel ? [channel.id] : []));
  if (names.length === 0) return ids;
  const byName = new Map<string, string>();
  let cursor: string | undefined;
  try {
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const answer = await client.conversations.list({
        types: 'public_channel,private_channel',
        exclude_archived: true,
        limit: 1000,
        ...(cursor === undefined ? {} : { cursor }),
      });
      for (const channel of answer.channels ?? [])
        if (channel.name !== undefined && channel.id !== undefined) byName.set(channel.name, channel.id);
      cursor = answer.response_metadata?.next_cursor;
      if (cursor === undefined || cursor === '' || names.every((name) => byName.has(name))) break;
    }
  } catch (error) {
    const code = slackErrorCode(error);
    if (code === 'missing_scope') {
      throw new StartupRefusal(
        `QLIK_SUPPORT_CHANNELS names channels (${names.map((name) => `#${name}`).join(', ')}): looking names up needs the channels:read and groups:read scopes. ` +
          `Add them in "OAuth & Permissions" (the manifests in manifests/ have them) and reinstall the app, ${ID_HELP}.`,
      );
    }
    throw error;
  }
  const unknown = names.filter((name) => !byName.has(name));
  if (unknown.length > 0) {
    throw new StartupRefusal(
      `QLIK_SUPPORT_CHANNELS: no channel named ${unknown.map((name) => `#${name}`).join(', ')} is visible to the app. Check the spelling ` +
        `(for a private channel, invite the app first), ${ID_HELP}.`,
    );
  }
  return [...ids, ...names.map((name) => byName.get(name) ?? '')];
}
