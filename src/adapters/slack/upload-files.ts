import type { webApi } from '@slack/bolt';
import { checkFileUrl } from './download-slack-file.js';

export interface UploadFile {
  readonly fileName: string;
  readonly title: string;
  readonly bytes: Uint8Array;
  readonly altText?: string;
}

export interface UploadTarget {
  readonly channel: string;
  readonly threadTs?: string | undefined;
  readonly comment?: string;
}

/** What the upload needs of fetch (the global fetch in production). */
export type UploadFetch = (
  url: string,
  init: {
    readonly method: 'POST';
    readonly headers: Record<string, string>;
    readonly body: Uint8Array;
    readonly redirect: 'manual';
    readonly signal: AbortSignal;
  },
) => Promise<{ readonly status: number }>;

export interface UploadPolicy {
  /** SLACK_FILE_HOSTS: the upload URL must be one of them, since the bot token goes with the bytes. */
  readonly fileHosts: readonly string[];
  readonly botToken: string;
  readonly fetch: UploadFetch;
  readonly timeoutMs?: number;
}

export type UploadResult =
  { readonly ok: true; readonly fileIds: readonly string[] } | { readonly ok: false; readonly error: string };

/**
 * Slack's external upload, as Bolt's filesUploadV2 does it: files.getUploadURLExternal per file, the bytes POSTed to
 * the URL it gives (only to a Slack file host), then one files.completeUploadExternal sharing them in the thread.
 */
export async function uploadFiles(
  client: webApi.WebClient,
  target: UploadTarget,
  files: readonly UploadFile[],
  policy: UploadPolicy,
): Promise<UploadResult> {
  const uploaded: { id: string; title: string }[] = [];
  for (const file of files) {
    const ticket = await client.files.getUploadURLExternal({
      filename: file.fileName,
      length: file.bytes.byteLength,
      ...(file.altText === undefined ? {} : { alt_text: file.altText.slice(0, 1000) }),
    });
    if (typeof ticket.upload_url !== 'string' || typeof ticket.file_id !== 'string')
      return { ok: false, error: 'files.getUploadURLExternal gave no upload URL' };
    const checked = checkFileUrl(ticket.upload_url, policy.fileHosts);
    if (!checked.ok)
      return {
        ok: false,
        error: `the upload URL is not on a Slack file host (SLACK_FILE_HOSTS): ${checked.error.code}`,
      };
    const response = await policy.fetch(checked.url.toString(), {
      method: 'POST',
      headers: { authorization: `Bearer ${policy.botToken}`, 'content-type': 'application/octet-stream' },
      body: file.bytes,
      redirect: 'manual',
      signal: AbortSignal.timeout(policy.timeoutMs ?? 30_000),
    });
    if (response.status !== 200)
      return { ok: false, error: `the upload of ${file.fileName} answered HTTP ${response.status}` };
    uploaded.push({ id: ticket.file_id, title: file.title });
  }
  const [first, ...rest] = uploaded;
  if (first === undefined) return { ok: true, fileIds: [] };
  await client.files.completeUploadExternal({
    files: [first, ...rest],
    channel_id: target.channel,
    ...(target.threadTs === undefined ? {} : { thread_ts: target.threadTs }),
    ...(target.comment === undefined ? {} : { initial_comment: target.comment }),
  });
  return { ok: true, fileIds: uploaded.map((file) => file.id) };
}
