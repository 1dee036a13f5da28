import type { DoctorReport, EndReport, LicensesReport, LiveResult, SessionsReport } from '../core/live/index.js';

/**
 * The live Qlik Sense port: what the bot and the CLI ask of the Proxy (QPS) and Repository (QRS) APIs.
 * Implemented over client certificates in src/adapters/qlik/; the reports are plain data in src/core/live/.
 */
export interface LiveQlik {
  sessions(user: string): Promise<LiveResult<SessionsReport>>;
  licenses(user: string): Promise<LiveResult<LicensesReport>>;
  endSessions(user: string): Promise<LiveResult<EndReport>>;
  doctor(): Promise<LiveResult<DoctorReport>>;
}
