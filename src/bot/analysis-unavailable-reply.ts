import type { AnalysisUnavailable } from './log-analyzer.js';
import type { Reply } from './reply.js';
import { simpleReply } from './simple-reply.js';

/** No verdict this time: said plainly, with when to try again, so a refused or failed analysis is never silence. */
export function analysisUnavailableReply(error: AnalysisUnavailable): Reply {
  switch (error.code) {
    case 'busy':
      return simpleReply(
        'error',
        'I am busy analysing other logs right now, so I did not read these. ' +
          'Try again shortly: post the lines or share the file again in a minute or two.',
      );
    case 'failed':
      return simpleReply(
        'error',
        error.reason === 'hung'
          ? 'The analysis of these logs took far too long and was stopped, so there is no verdict. ' +
              'Try again, or send a shorter excerpt: the lines around the time of the error.'
          : 'The analysis of these logs stopped unexpectedly on my side, so there is no verdict. ' +
              'Try again; if it happens again, send a shorter excerpt: the lines around the time of the error.',
      );
  }
}
