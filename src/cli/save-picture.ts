import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { renderPng } from '../adapters/timeline-png/index.js';
import type { ReplyPicture } from '../bot/index.js';

/** The console's pictures go to PNG files in the working folder, named after the picture and the moment (never overwritten). */
export function pictureSaver(folder: string, now: () => Date = () => new Date()) {
  return async (
    picture: ReplyPicture,
  ): Promise<{ readonly ok: true; readonly path: string } | { readonly ok: false; readonly error: string }> => {
    const stamp = now().toISOString().replace(/[:.]/g, '-');
    const path = join(folder, `${picture.name}-${stamp}.png`);
    try {
      await writeFile(path, await renderPng(picture.svg), { flag: 'wx' });
      return { ok: true, path };
    } catch (error) {
      const code = error instanceof Error && 'code' in error ? String(error.code) : 'error';
      return {
        ok: false,
        error: `${path} could not be written (${code}); start the console in a folder you can write to.`,
      };
    }
  };
}
