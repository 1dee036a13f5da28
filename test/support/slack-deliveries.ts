import { form } from './signed-slack-request.js';

let sequence = 0;

/** A fresh, unique message timestamp (Slack's `ts`). */
export function nextTs(): string {
  sequence += 1;
  return `${Math.floor(Date.now() / 1000)}.${String(sequence).padStart(6, '0')}`;
}

export interface MessageDelivery {
  readonly body: string;
  readonly eventId: string;
  readonly ts: string;
}

/** An Events API `message` delivery as Slack posts it (event_callback envelope), built by hand with fresh ids. */
export function messageDelivery(
  event: { channel: string; user: string; text: string } & Record<string, unknown>,
): MessageDelivery {
  const ts = typeof event['ts'] === 'string' ? event['ts'] : nextTs();
  sequence += 1;
  const eventId = `EvStore${Date.now().toString(36)}${sequence}`;
  const body = {
    token: 'verification-token',
    team_id: 'T0STORE01',
    api_app_id: 'A0STORE01',
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: 'T0STORE01', user_id: 'UBOT0001', is_bot: true }],
    event: {
      type: 'message',
      channel_type: event.channel.startsWith('D') ? 'im' : 'channel',
      ts,
      event_ts: ts,
      ...event,
    },
  };
  return { body: JSON.stringify(body), eventId, ts };
}

/** The form body of `/qlik-sessions TEXT`, with the response_url the answer goes to. */
export function slashCommandForm(options: {
  text: string;
  user: string;
  channel: string;
  responseUrl: string;
}): string {
  sequence += 1;
  return form({
    token: 'verification-token',
    team_id: 'T0STORE01',
    team_domain: 'store',
    channel_id: options.channel,
    channel_name: 'qlik-support',
    user_id: options.user,
    user_name: 'admin',
    command: '/qlik-sessions',
    text: options.text,
    api_app_id: 'A0STORE01',
    is_enterprise_install: 'false',
    response_url: options.responseUrl,
    trigger_id: `398738663015.${sequence}.store`,
  });
}
