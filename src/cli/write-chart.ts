import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { renderPng } from '../adapters/timeline-png/index.js';
import { chartedTimeline, timelineSvg, type ChartableReport } from '../core/timeline/index.js';
import { write, type CliIo } from './cli-io.js';

export type ChartWritten =
  { readonly ok: true; readonly path: string | null } | { readonly ok: false; readonly message: string };

/** `analyze --chart FILE.png`: the timeline picture of the verdict's user (else the first user a finding names). */
export async function writeChart(
  report: ChartableReport,
  file: string,
  io: CliIo,
  timeZone: string,
): Promise<ChartWritten> {
  const timeline = chartedTimeline(report, { anyVerdict: true });
  if (timeline === undefined) {
    await write(
      io.stderr,
      `qlik-sessions analyze: no chart written to ${file}: no user's sessions were found to draw.\n`,
    );
    return { ok: true, path: null };
  }
  const path = resolve(io.cwd, file);
  try {
    await writeFile(path, await renderPng(timelineSvg(timeline, { timeZone })));
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    return {
      ok: false,
      message: `cannot write the chart to ${path} (${reason}): give a writable path such as ./timeline.png.`,
    };
  }
  await write(io.stderr, `qlik-sessions analyze: timeline of ${timeline.user} written to ${path}\n`);
  return { ok: true, path };
}
