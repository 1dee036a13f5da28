import type { LicensesReport } from '../core/live/index.js';
import type { Reply } from './reply.js';

/** A user's licence allocations; none at all is the "no access pass" case. */
export function licensesReply(report: LicensesReport): Reply {
  const headline =
    report.allocations.length === 0
      ? `${report.user} holds no licence allocation: without one, Qlik Sense answers "you have no access pass". ` +
        'Allocate professional or analyzer access in the QMC (License management), or add a login access rule.'
      : `${report.user} holds ${report.allocations.map((allocation) => `${allocation.type} access`).join(', ')}.`;
  return {
    tone: 'live',
    headline,
    sections: [],
    facts:
      report.allocations.length === 0
        ? null
        : {
            columns: ['access type', 'allocation id'],
            rows: report.allocations.map((allocation) => [allocation.type, allocation.id]),
          },
    entries: [],
    caveats: [],
    actions: [],
  };
}
