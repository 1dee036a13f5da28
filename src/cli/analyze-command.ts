import { parseArgs } from 'node:util';
import { isQlikUserName } from '../core/users/index.js';
import type { LogInput } from '../core/logs/index.js';
import { analyzeLogs, reportJson } from '../core/verdict/index.js';
import { EXIT_OK, EXIT_USAGE, write, type CliIo } from './cli-io.js';
import type { Command } from './command.js';
import { logFileInputs, UnreadableInputError } from './log-file-inputs.js';
import { tempFileSpill } from './temp-file-spill.js';
import { openConfig } from './open-config.js';
import { prettyJsonPieces } from './pretty-json-pieces.js';
import { writePieces } from './write-pieces.js';
import { tuneForOneAnalysis } from './one-analysis-tuning.js';

const SYNOPSIS = 'analyze [PATH...|-] [--json] [--chart FILE.png] [--service-account DIR\\USER]...';

async function fail(io: CliIo, message: string): Promise<number> {
  await write(io.stderr, `qlik-sessions analyze: ${message}\n`);
  return EXIT_USAGE;
}

/** `qlik-sessions analyze`: the verdict on Qlik Sense log files, folders or stdin (DESIGN section 2). */
export const analyzeCommand: Command = {
  name: 'analyze',
  synopsis: SYNOPSIS,
  summary: 'who hit the session limit, when and why, from Qlik Sense log files, folders (recursively) or stdin',
  details:
    'Folders are read recursively, .gz files too; - or no path reads stdin. --json prints the report as one object.\n--chart FILE.png also writes the timeline picture of the verdict user (times in QLIK_TIME_ZONE).\n--service-account names an account that runs the Qlik services (as QLIK_SERVICE_ACCOUNTS does).',
  run: async (args, io) => {
    let parsed;
    try {
      parsed = parseArgs({
        args: [...args],
        allowPositionals: true,
        options: {
          json: { type: 'boolean', default: false },
          chart: { type: 'string' },
          'service-account': { type: 'string', multiple: true, default: [] },
        },
      });
    } catch (error) {
      return fail(io, `${error instanceof Error ? error.message : String(error)}\nUsage: qlik-sessions ${SYNOPSIS}`);
    }
    const accounts = parsed.values['service-account'];
    const badAccount = accounts.find((account) => !isQlikUserName(account));
    if (badAccount !== undefined)
      return fail(io, `--service-account "${badAccount}" must be DIRECTORY\\user, for example DOMAIN\\qvservice.`);
    // Settings only: the app (the bot, the adapters) is loaded for the text reply alone, not to analyse.
    const config = await openConfig(io, 'analyze');
    if (config === undefined) return EXIT_USAGE;

    const paths = parsed.positionals.filter((path) => path !== '-');
    const useStdin = parsed.positionals.length === 0 || parsed.positionals.includes('-');
    const inputs: LogInput[] = [];
    const emptyFolders: string[] = [];
    if (paths.length > 0) {
      const files = await logFileInputs(paths, io.cwd);
      if (!files.ok)
        return fail(
          io,
          `cannot read ${files.error.path}: ${files.error.reason}. Give the path of a Qlik Sense log file or folder (e.g. C:\\ProgramData\\Qlik\\Sense\\Log).`,
        );
      inputs.push(...files.inputs);
      emptyFolders.push(...files.emptyFolders);
    }
    if (useStdin) {
      if (io.stdin.isTTY === true)
        await write(io.stderr, 'Paste Qlik Sense log lines, then press Ctrl-D (Ctrl-Z and Enter on Windows).\n');
      inputs.push({ name: 'stdin', chunks: io.stdin as AsyncIterable<Uint8Array> });
    }

    let report;
    tuneForOneAnalysis();
    const spill = tempFileSpill();
    try {
      report = await analyzeLogs(inputs, {
        serviceAccounts: [...config.qlik.serviceAccounts, ...accounts],
        emptyFolders,
        spill: spill.spill,
      });
    } catch (error) {
      if (error instanceof UnreadableInputError) return fail(io, `cannot read ${error.path}: ${error.reason}.`);
      throw error;
    } finally {
      spill.dispose();
    }
    const chart = parsed.values.chart;
    if (chart !== undefined) {
      // The picture's renderer is a native addon: loaded only when a picture is asked for.
      const { writeChart } = await import('./write-chart.js');
      const written = await writeChart(report, chart, io, config.timeZone);
      if (!written.ok) return fail(io, written.message);
    }
    if (parsed.values.json) {
      await writePieces(io.stdout, prettyJsonPieces(reportJson(report)), '\n');
      return EXIT_OK;
    }
    const { writeVerdictText } = await import('./write-verdict-text.js');
    return (await writeVerdictText(report, io)) ? EXIT_OK : EXIT_USAGE;
  },
};
