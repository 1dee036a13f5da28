/** A QLIK_SUPPORT_CHANNELS entry: a channel id, or a name that the Slack adapter resolves to an id at start. */
export type SupportChannel = { readonly id: string } | { readonly name: string };

const CHANNEL_ID = /^[CG][A-Z0-9]{2,}$/;
const CHANNEL_NAME = /^#?([a-z0-9][a-z0-9_-]{0,79})$/;

/** Ids as they are (C..., G...); `#name` or `name` as a name without the `#`; anything else is an error. */
export function parseSupportChannels(value: string | undefined): { channels: SupportChannel[]; errors: string[] } {
  const channels: SupportChannel[] = [];
  const errors: string[] = [];
  for (const entry of (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '')) {
    if (CHANNEL_ID.test(entry)) {
      channels.push({ id: entry });
      continue;
    }
    const name = CHANNEL_NAME.exec(entry)?.[1];
    if (name !== undefined) channels.push({ name });
    else {
      errors.push(
        `QLIK_SUPPORT_CHANNELS entry "${entry}" is neither a channel id (C0123ABCDEF, in the channel's details at the bottom) nor a channel name such as #qlik-support`,
      );
    }
  }
  return { channels, errors };
}
