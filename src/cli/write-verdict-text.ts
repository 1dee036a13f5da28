import { renderReplyText } from '../adapters/console/index.js';
import { entryReference, verdictReply, type EntryReference } from '../bot/index.js';
import type { AnalysisReport } from '../core/verdict/index.js';
import type { App } from '../main.js';
import { write, type CliIo } from './cli-io.js';
import { openApp } from './open-app.js';
import { wantsColor } from './wants-color.js';

/** Entry titles and sources for the verdict; a broken site entry costs only the titles, never the verdict. */
async function entryDescriber(io: CliIo, app: App): Promise<(id: string) => EntryReference | undefined> {
  const loaded = await app.knowledge();
  if (!loaded.ok) {
    await write(
      io.stderr,
      `qlik-sessions analyze: knowledge entries not loaded, so they are listed by id only: ${loaded.error}\n`,
    );
    return () => undefined;
  }
  const { knowledge } = loaded;
  return (id) => {
    const entry = knowledge.get(id);
    return entry === undefined ? undefined : entryReference(entry);
  };
}

/**
 * `analyze` without `--json`: the verdict as the bot would reply, in the terminal. Its own module, loaded only
 * for that, because it needs the app (the knowledge entries, the bot's replies); `--json` needs neither.
 */
export async function writeVerdictText(report: AnalysisReport, io: CliIo): Promise<boolean> {
  const app = await openApp(io, 'analyze');
  if (app === undefined) return false;
  const reply = verdictReply(report, await entryDescriber(io, app));
  await write(io.stdout, renderReplyText(reply, { color: wantsColor(io) }));
  return true;
}
