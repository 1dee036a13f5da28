import type { webApi } from '@slack/bolt';
import { describeError, type AttachedFile } from '../../bot/index.js';
import { downloadSlackFile } from './download-slack-file.js';
import { downloadUrlOf, isFileStub, isLogFile, slackFileSchema, type SlackFile } from './slack-file.js';
import type { SlackRuntime } from './slack-runtime.js';

/** A file Slack would not describe (files.info failed): the rest of the message is still answered. */
export interface UnresolvedFile {
  readonly id: string;
  readonly reason: string;
}

function slackErrorCode(error: unknown): string {
  const code = (error as { data?: { error?: unknown } } | null)?.data?.error;
  return typeof code === 'string' ? code.replace(/[^\w.-]/g, '_').slice(0, 60) : 'no answer';
}

/** Slack Connect stubs carry only an id: files.info fills in the name and the download link. */
export async function resolveFiles(
  raw: readonly unknown[],
  client: webApi.WebClient,
  runtime: SlackRuntime,
): Promise<{ files: SlackFile[]; unresolved: UnresolvedFile[] }> {
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
        runtime.deps.logger.warn(`files.info failed for ${file.id}: ${describeError(error)}`);
        unresolved.push({ id: file.id, reason: `files.info: ${slackErrorCode(error)}` });
        continue;
      }
      const full = slackFileSchema.safeParse(info);
      if (!full.success) {
        runtime.deps.logger.warn(`files.info gave no usable file for ${file.id}`);
        unresolved.push({ id: file.id, reason: 'files.info gave no file' });
        continue;
      }
      file = full.data;
    }
    if (isLogFile(file)) files.push(file);
    else runtime.deps.logger.debug(`skipping file ${file.id}: not text, .log, .txt or gzip`);
  }
  return { files, unresolved };
}

export function unresolvedNote(unresolved: readonly UnresolvedFile[]): string {
  const list = unresolved.map((file) => `${file.id} (${file.reason})`).join(', ');
  return `Slack did not give me ${unresolved.length === 1 ? 'one shared file' : `${unresolved.length} shared files`}: ${list}. Share ${unresolved.length === 1 ? 'it' : 'them'} again, or paste the log lines.`;
}

export function attach(file: SlackFile, runtime: SlackRuntime): AttachedFile | null {
  const url = downloadUrlOf(file);
  if (url === undefined) return null;
  const { config, fetchFile } = runtime.deps;
  return {
    name: file.name ?? file.title ?? file.id,
    size: file.size ?? null,
    open: () => {
      const policy = { fileHosts: config.fileHosts, maxBytes: config.maxFileBytes };
      const idle = runtime.deps.fileIdleTimeoutMs;
      return downloadSlackFile(url, runtime.botToken, idle === undefined ? policy : { ...policy, idleTimeoutMs: idle }, fetchFile);
    },
  };
}

