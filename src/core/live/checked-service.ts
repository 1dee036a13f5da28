import type { DoctorFinding } from './doctor-report.js';
import type { LiveResult } from './live-result.js';
import { isUnreached } from './unreached.js';

/** One service's checks: its findings, and whether it was reached at all. */
export interface CheckedService {
  readonly reached: boolean;
  readonly findings: readonly DoctorFinding[];
}

/** An answer, or a refusal or an unreadable answer, shows the service was reached; a network failure does not. */
export function heard(answer: LiveResult<unknown>): boolean {
  return answer.ok || !isUnreached(answer.error.code);
}
