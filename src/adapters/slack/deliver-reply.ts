import type { webApi } from '@slack/bolt';
import type { Reply } from '../../bot/index.js';
import { describeError } from '../../bot/index.js';
import type { AppLogger } from './app-logger.js';
import { overflowsBlockKit, renderReplyBlocks, type RenderOptions } from './render-reply-blocks.js';
import { uploadFiles, type UploadFile, type UploadPolicy } from './upload-files.js';

export interface DeliveryTarget {
  readonly channel: string;
  /** The thread to answer in; none starts the reply at the top of the channel or DM. */
  readonly threadTs?: string | undefined;
}

export type Delivered =
  | { readonly ok: true; readonly channel: string; readonly ts: string; readonly uploads: number }
  | { readonly ok: false; readonly cannotPost: boolean; readonly error: unknown };

export interface DeliveryDeps {
  readonly logger: AppLogger;
  /** Draws a reply's picture (the timeline) as PNG; without it no pictures are uploaded. */
  readonly renderPng: ((svg: string) => Promise<Uint8Array>) | undefined;
  /** The allowed hosts, the bot token and the fetch for the uploaded bytes. */
  readonly upload: UploadPolicy;
}

/** Posts a reply where the listener says; every listener that answers in a channel or DM gets this one. */
export type DeliverReply = (
  client: webApi.WebClient,
  target: DeliveryTarget,
  reply: Reply,
  options?: RenderOptions,
) => Promise<Delivered>;

/** Slack errors meaning the bot may not post there (not a member, archived, restricted), so the caller tries elsewhere. */
const CANNOT_POST =
  /not_in_channel|channel_not_found|is_archived|restricted_action|cannot_dm_bot|messages_tab_disabled|ekm_access_denied/;

const encoder = new TextEncoder();

/**
 * Posts a reply, then in its thread the timeline picture (PNG) and, when the reply had to be cut to fit Block Kit,
 * the whole report as files. A failed upload costs only the extra files, never the reply.
 */
export function createDeliverReply(deps: DeliveryDeps): DeliverReply {
  const { logger, renderPng } = deps;
  return async (client, target, reply, options = {}) => {
    const rendered = renderReplyBlocks(reply, options);
    let posted;
    try {
      posted = await client.chat.postMessage({
        channel: target.channel,
        ...(target.threadTs === undefined ? {} : { thread_ts: target.threadTs }),
        text: rendered.text,
        blocks: rendered.blocks,
        unfurl_links: false,
        unfurl_media: false,
      });
    } catch (error) {
      return { ok: false, cannotPost: CANNOT_POST.test(describeError(error)), error };
    }
    const channel = typeof posted.channel === 'string' ? posted.channel : target.channel;
    const ts = typeof posted.ts === 'string' ? posted.ts : '';
    const thread = target.threadTs ?? (ts === '' ? undefined : ts);
    const files: UploadFile[] = [];
    if (renderPng !== undefined) {
      for (const picture of reply.pictures ?? []) {
        try {
          files.push({
            fileName: `${picture.name}.png`,
            title: picture.title,
            bytes: await renderPng(picture.svg),
            altText: picture.altText,
          });
        } catch (error) {
          logger.warn(`drawing ${picture.name} failed: ${describeError(error)}`);
        }
      }
    }
    const full = overflowsBlockKit(reply) ? (reply.fullReport ?? []) : [];
    for (const file of full)
      files.push({ fileName: file.fileName, title: file.title, bytes: encoder.encode(file.content) });
    if (files.length === 0) return { ok: true, channel, ts, uploads: 0 };
    try {
      const uploaded = await uploadFiles(
        client,
        {
          channel,
          threadTs: thread,
          ...(full.length > 0
            ? { comment: 'The whole report did not fit in one message: every user as CSV, and the full text.' }
            : {}),
        },
        files,
        deps.upload,
      );
      if (!uploaded.ok) {
        logger.warn(`uploading ${files.length} files to ${channel} failed: ${uploaded.error}`);
        return { ok: true, channel, ts, uploads: 0 };
      }
      logger.info({ channel, files: uploaded.fileIds.length }, 'uploaded reply files');
      return { ok: true, channel, ts, uploads: uploaded.fileIds.length };
    } catch (error) {
      logger.warn(`uploading ${files.length} files to ${channel} failed: ${describeError(error)}`);
      return { ok: true, channel, ts, uploads: 0 };
    }
  };
}
