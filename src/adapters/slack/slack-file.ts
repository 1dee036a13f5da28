import { z } from 'zod';
import { isLogFileName } from '../../core/logs/index.js';

/** The parts of a Slack file object the app uses (files[] of a file_share message, or files.info). */
export const slackFileSchema = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  title: z.string().optional(),
  mimetype: z.string().optional(),
  filetype: z.string().optional(),
  size: z.number().optional(),
  url_private_download: z.string().optional(),
  url_private: z.string().optional(),
  mode: z.string().optional(),
  file_access: z.string().optional(),
});
export type SlackFile = z.infer<typeof slackFileSchema>;

/** Slack Connect shares arrive as stubs: the details must be fetched with files.info. */
export function isFileStub(file: SlackFile): boolean {
  return (
    file.file_access === 'check_file_info' ||
    (file.url_private_download === undefined && file.url_private === undefined)
  );
}

const LOG_MIME = /^(text\/|application\/(x-)?(gzip|zip)$)/i;
const LOG_FILETYPES = new Set(['text', 'gzip', 'log', 'zip']);

/**
 * Plain text, .log, .txt, gzip, and zip archives (read as the folder they hold): the shapes Qlik
 * logs travel in, by name (isLogFileName) or by what Slack says of the file. Images and PDFs are not read.
 */
export function isLogFile(file: SlackFile): boolean {
  return (
    (file.name !== undefined && isLogFileName(file.name)) ||
    (file.mimetype !== undefined && LOG_MIME.test(file.mimetype)) ||
    (file.filetype !== undefined && LOG_FILETYPES.has(file.filetype))
  );
}

export function downloadUrlOf(file: SlackFile): string | undefined {
  return file.url_private_download ?? file.url_private;
}
