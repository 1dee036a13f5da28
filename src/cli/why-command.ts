import { parseArgs } from 'node:util';
import { renderReplyText } from '../adapters/console/index.js';
import { analyzeInProcess, entryReference, whyFromLogs, whyReply, type EntryReference } from '../bot/index.js';
import { isQlikUserName } from '../core/users/index.js';
import { DEFAULT_SINCE_MS, parseSince } from '../core/watch/index.js';
import { EXIT_OK, EXIT_USAGE, write, type CliIo } from './cli-io.js';
import type { Command } from './command.js';
import type { App } from '../main.js';
import { openApp } from './open-app.js';
import { wantsColor } from './wants-color.js';

const SYNOPSIS = 'why DIR\\USER [--since 2h] [--json]';

async function fail(io: CliIo, message: string): Promise<number> {
  await write(io.stderr, `qlik-sessions why: ${message}\n`);
  return EXIT_USAGE;
}

async function describer(app: App): Promise<(id: string) => EntryReference | undefined> {
  const loaded = await app.knowledge();
  if (!loaded.ok) return () => undefined;
  return (id) => {
    const entry = loaded.knowledge.get(id);
    return entry === undefined ? undefined : entryReference(entry);
  };
}

/** `qlik-sessions why DIR\USER`: the verdict for one user from the log folders of QLIK_LOG_DIR. */
export function createWhyCommand(now: () => number = Date.now): Command {
  return {
    name: 'why',
    synopsis: SYNOPSIS,
    summary: 'the verdict for one user from the log folders (QLIK_LOG_DIR) over the last 2 hours or --since',
    details:
      'Only the log files whose time span overlaps are read (archived names carry their times), and in them only the lines that name the user.\n--since takes 90m, 2h, 1d or 1h30m (at most 7d). --json prints the report as one object.',
    async run(args, io) {
      let parsed;
      try {
        parsed = parseArgs({
          args: [...args],
          allowPositionals: true,
          options: { json: { type: 'boolean', default: false }, since: { type: 'string' } },
        });
      } catch (error) {
        return fail(io, `${error instanceof Error ? error.message : String(error)}. Usage: qlik-sessions ${SYNOPSIS}`);
      }
      const [user, ...extra] = parsed.positionals;
      if (user === undefined || extra.length > 0)
        return fail(io, `give exactly one user, for example: qlik-sessions why 'CORP\\mweber' --since 2h`);
      if (!isQlikUserName(user))
        return fail(
          io,
          `"${user}" is not a Qlik user name. Write DIRECTORY\\user in quotes so the shell keeps the backslash, e.g. 'CORP\\mweber'.`,
        );
      const since =
        parsed.values.since === undefined
          ? { ok: true as const, ms: DEFAULT_SINCE_MS }
          : parseSince(parsed.values.since);
      if (!since.ok) return fail(io, since.error);
      const app = await openApp(io, 'why');
      if (app === undefined) return EXIT_USAGE;
      const { config } = app;
      const reader = app.logFolders();
      if (reader === undefined) {
        return fail(
          io,
          "QLIK_LOG_DIR is not set: set it to the Qlik Sense log folders, comma-separated (a node's C:\\ProgramData\\Qlik\\Sense\\Log, a mounted share, or the central log share), e.g. QLIK_LOG_DIR=/mnt/qs1/Log,/mnt/qs2/Log. Or run qlik-sessions analyze on a folder.",
        );
      }
      const outcome = await whyFromLogs(reader, analyzeInProcess, user, since.ms, {
        now: now(),
        serviceAccounts: config.qlik.serviceAccounts,
      });
      // In this process the analysis is never busy; a failure here is a bug.
      if (!outcome.ok) throw new Error(`the analysis gave no report: ${outcome.error.code}`);
      const { result } = outcome;
      if (
        result.filesRead === 0 &&
        result.problems.length > 0 &&
        result.problems.length >= config.watch.logDirs.length
      ) {
        return fail(io, result.problems.join('\n'));
      }
      for (const problem of result.problems) await write(io.stderr, `qlik-sessions why: ${problem}\n`);
      if (parsed.values.json) {
        const json = {
          user,
          from: new Date(result.from).toISOString(),
          to: new Date(result.to).toISOString(),
          files: { read: result.filesRead, skipped: result.filesSkipped },
          ...result.report,
        };
        await write(io.stdout, `${JSON.stringify(json, null, 2)}\n`);
        return EXIT_OK;
      }
      await write(io.stdout, renderReplyText(whyReply(result, await describer(app)), { color: wantsColor(io) }));
      return EXIT_OK;
    },
  };
}

export const whyCommand: Command = createWhyCommand();
