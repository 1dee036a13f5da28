import type { AllSessionsReport, LiveResult } from '../../core/live/index.js';

/** `GET /qps/{prefix/}session` on every proxy node and virtual proxy: every user's sessions at once. */
export interface LiveSessionList {
  allSessions(): Promise<LiveResult<AllSessionsReport>>;
}
