import type { FileProblem } from './guarded-file.js';
import type { Reply } from './reply.js';
import type { RichText } from '../core/text/index.js';
import { simpleReply } from './simple-reply.js';

/** Names listed when an archive held no logs; the rest are counted. */
const HELD_SHOWN = 8;

const megabytes = (bytes: number) => Math.round((bytes / (1024 * 1024)) * 10) / 10;

function heldList(held: readonly string[]): string {
  const shown = held.slice(0, HELD_SHOWN).join(', ');
  return held.length > HELD_SHOWN ? `${shown} and ${held.length - HELD_SHOWN} more` : shown;
}

/** What went wrong with one file, and how to send it instead. */
export function describeFileProblem(problem: FileProblem): RichText {
  switch (problem.code) {
    case 'too-large':
      return `${problem.name} is larger than ${megabytes(problem.limitBytes)} MB. Send only the lines around the time of the error (a few thousand lines are plenty), or gzip the file.`;
    case 'binary':
      return `${problem.name} is not a text file. Send the Qlik Sense log as .txt or .log (gzip or zip is fine), or paste its lines.`;
    case 'too-large-unzipped':
      return (
        `${problem.name} is larger than ${megabytes(problem.limitBytes)} MB once unzipped. Zip only the logs of the ` +
        'day of the error (AuditActivity_Proxy, Audit_Proxy, AuditSecurity_Repository), or send those .txt files.'
      );
    case 'archive-unreadable':
      return (
        `${problem.name} could not be opened as a zip archive: ${problem.reason}. ` +
        'Zip the Qlik Sense Log folder again, or send its .txt files.'
      );
    case 'archive-without-logs':
      return [
        `${problem.name} holds no Qlik Sense log files`,
        problem.held.length === 0 ? ' (it is empty)' : ` (it held ${heldList(problem.held)})`,
        '. Zip the Log folder (C:\\ProgramData\\Qlik\\Sense\\Log) or run the Log Collector, then send that zip.',
      ].join('');
    case 'unreadable':
      return `${problem.name} could not be read (${problem.message}). Send it again, or paste the lines around the error.`;
  }
}

/** Attached files that could not be analysed, with how to send them instead. */
export function fileProblemReply(problems: readonly FileProblem[]): Reply {
  const headline =
    problems.length === 1
      ? 'I could not analyse the attached file.'
      : `I could not analyse ${problems.length} of the attached files.`;
  return simpleReply('error', headline, [{ title: null, paragraphs: problems.map(describeFileProblem), steps: [] }]);
}
