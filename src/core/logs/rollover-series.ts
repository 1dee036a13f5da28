import type { LogInput } from './log-input.js';

/** `<host>_<Layout>_2019-02-01T03.59.01Z.log`: an archived log, rolled over at that instant. */
const ARCHIVED = /^(.*)_(\d{4}-\d{2}-\d{2}T\d{2}\.\d{2}\.\d{2}Z)\.log(\.gz)?$/i;
const LIVE = /^(.*)\.(txt|log|csv|tsv)(\.gz)?$/i;

interface Member {
  readonly input: LogInput;
  readonly index: number;
  /** The rollover instant of an archived file; the live file (none) comes last. */
  readonly rolled: string | null;
}

function compareRolled(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/** The last part of a path, with `/` or `\` separators (zip entries keep Windows names). */
function baseName(name: string): string {
  const slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
  return slash === -1 ? name : name.slice(slash + 1);
}

/**
 * Which series a log belongs to: its host and layout, whatever folder it is in (`ArchivedLogs\...` and `Log\...`
 * hold the archived and the live files of one log), so a series is read as one time-ordered stream.
 */
export function seriesKeyOf(name: string): string {
  const base = baseName(name);
  return ARCHIVED.exec(base)?.[1] ?? LIVE.exec(base)?.[1] ?? `\u0000${name}`;
}

/**
 * Groups the inputs into series of one log that follow each other in time: the archived files of one host and
 * layout in rollover order, then the live file. Each series is read as one time-ordered stream, so a Log Collector
 * folder of hundreds of files needs only one open file per log. Inputs keep their order inside and across series.
 */
export function rolloverSeries(inputs: readonly LogInput[]): LogInput[][] {
  const series = new Map<string, Member[]>();
  inputs.forEach((input, index) => {
    const archived = ARCHIVED.exec(input.name);
    const key = archived?.[1] ?? LIVE.exec(input.name)?.[1] ?? `\u0000${index}`;
    const member: Member = { input, index, rolled: archived?.[2] ?? null };
    const members = series.get(key);
    if (members === undefined) series.set(key, [member]);
    else members.push(member);
  });
  return [...series.values()].map((members) =>
    members
      .sort((a, b) => compareRolled(a.rolled, b.rolled) || a.index - b.index)
      .map((member) => member.input),
  );
}
