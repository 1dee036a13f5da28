import type { FileProblem } from './guarded-file.js';
import type { Reply } from './reply.js';
import type { RichText } from '../core/text/index.js';
import { simpleReply } from './simple-reply.js';

/** What went wrong with one file, and how to send it instead. */
export function describeFileProblem(problem: FileProblem): RichText {
  switch (problem.code) {
    case 'too-large':
      return `${problem.name} is larger than ${Math.round(problem.limitBytes / (1024 * 1024))} MB. Send only the lines around the time of the error (a few thousand lines are plenty), or gzip the file.`;
    case 'binary':
      return `${problem.name} is not a text file. Send the Qlik Sense log as .txt or .log (gzip is fine), or paste its lines.`;
    case 'archive':
      return `${problem.name} is a zip archive, which I do not open. Unzip it and send the .txt log files themselves (gzip is fine).`;
    case 'unreadable':
      return `${problem.name} could not be read (${problem.message}). Send it again, or paste the lines around the error.`;
  }
}

/** Attached files that could not be analysed, with how to send them instead. */
export function fileProblemReply(problems: readonly FileProblem[]): Reply {
  const headline =
    problems.length === 1 ? 'I could not analyse the attached file.' : `I could not analyse ${problems.length} of the attached files.`;
  return simpleReply('error', headline, [{ title: null, paragraphs: problems.map(describeFileProblem), steps: [] }]);
}
