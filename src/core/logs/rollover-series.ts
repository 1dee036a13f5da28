import type { LogInput } from './log-input.js';
import { parseLogFileName, seriesKeyOf } from './log-file-name.js';

interface Member {
  readonly input: LogInput;
  readonly index: number;
  /** The rollover instant of an archived file; the live file (none) comes last. */
  readonly rolled: number;
}

/**
 * Groups the inputs into series of one log that follow each other in time: the archived files of one host and
 * layout in rollover order, then the live file. Each series is read as one time-ordered stream, so a Log Collector
 * folder of hundreds of files needs only one open file per log. Inputs keep their order inside and across series.
 */
export function rolloverSeries(inputs: readonly LogInput[]): LogInput[][] {
  const series = new Map<string, Member[]>();
  inputs.forEach((input, index) => {
    const named = seriesKeyOf(input.name);
    // A name that is no log file name (a pasted message) is a series of its own, even when given twice.
    const key = named.startsWith('\u0000') ? `${named}\u0000${index}` : named;
    const member: Member = {
      input,
      index,
      rolled: parseLogFileName(input.name)?.archivedAt ?? Number.POSITIVE_INFINITY,
    };
    const members = series.get(key);
    if (members === undefined) series.set(key, [member]);
    else members.push(member);
  });
  return [...series.values()].map((members) =>
    members.sort((a, b) => a.rolled - b.rolled || a.index - b.index).map((member) => member.input),
  );
}
