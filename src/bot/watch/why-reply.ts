import { code } from '../../core/text/index.js';
import { formatInstant } from '../../core/verdict/index.js';
import { formatSince } from '../../core/watch/index.js';
import type { EntryReference, Reply } from '../reply.js';
import { simpleReply } from '../simple-reply.js';
import { verdictReply } from '../verdict-reply.js';
import type { WhyResult } from './why-from-logs.js';

/** `why` without QLIK_LOG_DIR: how to set it. */
export function whySetupReply(): Reply {
  return simpleReply(
    'pointer',
    'To answer "why" from the site\'s own logs, set QLIK_LOG_DIR to the Qlik Sense log folders, then restart.',
    [
      {
        title: 'How',
        paragraphs: [],
        steps: [
          [
            "Mount or share each node's ",
            code('C:\\ProgramData\\Qlik\\Sense\\Log'),
            ' folder (or the central log share with one folder per node) where this app runs.',
          ],
          [
            'Set ',
            code('QLIK_LOG_DIR'),
            ' to those folders, comma-separated, for example ',
            code('QLIK_LOG_DIR=/mnt/qs1/Log,/mnt/qs2/Log'),
            '.',
          ],
          ['Meanwhile, paste the log lines here or run ', code('qlik-sessions analyze <folder>'), ' on the server.'],
        ],
      },
    ],
  );
}

/** The verdict for one user from the folders, with what was read. */
export function whyReply(result: WhyResult, describeEntry: (id: string) => EntryReference | undefined): Reply {
  const span = `the last ${formatSince(result.to - result.from)} (since ${formatInstant(result.from)})`;
  const read = `${result.filesRead} log file${result.filesRead === 1 ? '' : 's'} read, ${result.filesSkipped} skipped by their time span.`;
  if (!result.userSeen) {
    return simpleReply('pointer', `No line in the log folders names ${result.user} over ${span}.`, [
      {
        title: null,
        paragraphs: [
          read,
          [
            'Check the spelling (DIRECTORY\\user as in the QMC), ask for a longer span (',
            code(`why ${result.user} 1d`),
            '), or check that QLIK_LOG_DIR holds every node.',
          ],
        ],
        steps: [],
      },
      ...result.problems.map((problem) => ({ title: null, paragraphs: [problem], steps: [] })),
    ]);
  }
  const verdict = verdictReply(result.report, describeEntry);
  return {
    ...verdict,
    headline: `From the log folders, ${span}: ${verdict.headline}`,
    caveats: [...verdict.caveats, read, ...result.problems],
  };
}
