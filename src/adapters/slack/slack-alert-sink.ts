import { webApi } from '@slack/bolt';
import type { AlertSink } from '../../bot/index.js';
import { renderNotice, renderReplyBlocks } from './render-reply-blocks.js';

/** The one Web API call the sink makes; Bolt's WebClient has it. */
export interface AlertPoster {
  chat: {
    postMessage(args: {
      channel: string;
      text: string;
      blocks?: unknown[];
      thread_ts?: string;
      unfurl_links?: boolean;
      unfurl_media?: boolean;
    }): Promise<{ ok?: boolean; ts?: string; channel?: string; error?: string }>;
  };
}

export interface SlackAlertSinkOptions {
  readonly channel: string;
  readonly poster: AlertPoster;
}

/** A WebClient for the alerts only, pointed at SLACK_API_URL (a stand-in in tests, GovSlack elsewhere). */
export function createAlertPoster(botToken: string, apiUrl: string, retries = 3): AlertPoster {
  const client = new webApi.WebClient(botToken, { slackApiUrl: apiUrl, retryConfig: { retries } });
  return client as unknown as AlertPoster;
}

/**
 * Alerts into QLIK_ALERT_CHANNEL through the same Block Kit renderer as replies (everything from a log escaped);
 * a follow-up is one line in the thread of the alert it belongs to.
 */
export function createSlackAlertSink(options: SlackAlertSinkOptions): AlertSink {
  return {
    async post(notice) {
      const rendered = renderReplyBlocks(notice.reply);
      const answer = await options.poster.chat.postMessage({
        channel: options.channel,
        text: rendered.text,
        blocks: rendered.blocks,
        unfurl_links: false,
        unfurl_media: false,
      });
      if (answer.ts === undefined)
        throw new Error(`chat.postMessage to ${options.channel} gave no ts (${answer.error ?? 'no error given'})`);
      return { channel: answer.channel ?? options.channel, ts: answer.ts };
    },
    async followUp(ref, notice) {
      // Nothing to attach it to (the alert is older than the cooldown, or went out before a restart): stay quiet.
      if (ref === null) return;
      const rendered = renderNotice(notice.summary);
      await options.poster.chat.postMessage({
        channel: ref.channel,
        thread_ts: ref.ts,
        text: rendered.text,
        blocks: rendered.blocks,
        unfurl_links: false,
        unfurl_media: false,
      });
    },
  };
}
