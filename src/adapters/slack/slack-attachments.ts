import type { webApi } from '@slack/bolt';
import { describeError, type AttachedFile } from '../../bot/index.js';
import type { AppLogger } from './app-logger.js';
import { downloadSlackFile, type FileDownloadPolicy, type FileFetch } from './download-slack-file.js';
import { downloadUrlOf, isFileStub, isLogFile, slackFileSchema, type SlackFile } from './slack-file.js';

/** A file Slack would not describe (files.info failed): the rest of the message is still answered. */
export interface UnresolvedFile {
  readonly id: string;
  readonly reason: string;
}

export interface SlackAttachmentsDeps {
  readonly logger: AppLogger;
  /** Sent only to the hosts the policy allows. */
  readonly botToken: string;
  readonly policy: FileDownloadPolicy;
  readonly fetchFile: FileFetch;
}

/** Shared files as the bot takes them: described by Slack, then opened (downloaded) only when analysed. */
export interface SlackAttachments {
  /** Slack Connect stubs carry only an id: files.info fills in the name and the download link. */
  resolve(
    raw: readonly unknown[],
    client: webApi.WebClient,
  ): Promise<{ readonly files: SlackFile[]; readonly unresolved: UnresolvedFile[] }>;
  /** The file as the bot's AttachedFile; null when Slack gave no download link. */
  attach(file: SlackFile): AttachedFile | null;
}

function slackErrorCode(error: unknown): string {
  const code = (error as { data?: { error?: unknown } } | null)?.data?.error;
  return typeof code === 'string' ? code.replace(/[^\w.-]/g, '_').slice(0, 60) : 'no answer';
}

export function createSlackAttachments(deps: SlackAttachmentsDeps): SlackAttachments {
  const { logger } = deps;
  return {
    async resolve(raw, client) {
      const files: SlackFile[] = [];
      const unresolved: UnresolvedFile[] = [];
      for (const item of raw) {
        const parsed = slackFileSchema.safeParse(item);
        if (!parsed.success) continue;
        let file = parsed.data;
        if (isFileStub(file)) {
          let info: unknown;
          try {
            info = (await client.files.info({ file: file.id })).file;
          } catch (error) {
            logger.warn(`files.info failed for ${file.id}: ${describeError(error)}`);
            unresolved.push({ id: file.id, reason: `files.info: ${slackErrorCode(error)}` });
            continue;
          }
          const full = slackFileSchema.safeParse(info);
          if (!full.success) {
            logger.warn(`files.info gave no usable file for ${file.id}`);
            unresolved.push({ id: file.id, reason: 'files.info gave no file' });
            continue;
          }
          file = full.data;
        }
        if (isLogFile(file)) files.push(file);
        else logger.debug(`skipping file ${file.id}: not text, .log, .txt or gzip`);
      }
      return { files, unresolved };
    },

    attach(file) {
      const url = downloadUrlOf(file);
      if (url === undefined) return null;
      return {
        name: file.name ?? file.title ?? file.id,
        size: file.size ?? null,
        open: () => downloadSlackFile(url, deps.botToken, deps.policy, deps.fetchFile),
      };
    },
  };
}

export function unresolvedNote(unresolved: readonly UnresolvedFile[]): string {
  const list = unresolved.map((file) => `${file.id} (${file.reason})`).join(', ');
  return `Slack did not give me ${unresolved.length === 1 ? 'one shared file' : `${unresolved.length} shared files`}: ${list}. Share ${unresolved.length === 1 ? 'it' : 'them'} again, or paste the log lines.`;
}
