import type { webApi } from '@slack/bolt';
import type { AttachedFile } from '../../bot/index.js';
import { downloadSlackFile } from './download-slack-file.js';
import { downloadUrlOf, isFileStub, isLogFile, slackFileSchema, type SlackFile } from './slack-file.js';
import type { SlackRuntime } from './slack-runtime.js';

/** Slack Connect stubs carry only an id: files.info fills in the name and the download link. Non-log files are skipped. */
export async function resolveFiles(raw: readonly unknown[], client: webApi.WebClient, runtime: SlackRuntime): Promise<SlackFile[]> {
  const files: SlackFile[] = [];
  for (const item of raw) {
    const parsed = slackFileSchema.safeParse(item);
    if (!parsed.success) continue;
    let file = parsed.data;
    if (isFileStub(file)) {
      const info = await client.files.info({ file: file.id });
      const full = slackFileSchema.safeParse(info.file);
      if (!full.success) {
        runtime.deps.logger.warn(`files.info gave no usable file for ${file.id}`);
        continue;
      }
      file = full.data;
    }
    if (isLogFile(file)) files.push(file);
    else runtime.deps.logger.debug(`skipping file ${file.id}: not text, .log, .txt or gzip`);
  }
  return files;
}

/** A Slack file as the bot's attachment: downloaded with the bot token from an allowed file host when read. */
export function attach(file: SlackFile, runtime: SlackRuntime): AttachedFile | null {
  const url = downloadUrlOf(file);
  if (url === undefined) return null;
  const { config, fetchFile } = runtime.deps;
  return {
    name: file.name ?? file.title ?? file.id,
    size: file.size ?? null,
    open: () => downloadSlackFile(url, runtime.botToken, { fileHosts: config.fileHosts, maxBytes: config.maxFileBytes }, fetchFile),
  };
}
