import type { UserSummary } from '../core/verdict/index.js';

/** The columns of a user's row, in the chat's facts table and in the full report as text alike. */
export const USER_TABLE_COLUMNS = [
  'User',
  'Sessions started',
  'Peak',
  'Peak at (UTC)',
  'Denied',
  'Limit denials',
  'Licensed',
  'Service account',
  'Clients',
] as const;

function yesNo(value: boolean | null): string {
  return value === null ? 'unknown' : value ? 'yes' : 'no';
}

/** One user's row under USER_TABLE_COLUMNS; `peakAt` is the peak instant as the caller shows it. */
export function userTableRow(user: UserSummary, peakAt: string): string[] {
  return [
    user.user,
    String(user.sessionsStarted),
    String(user.peak),
    peakAt,
    String(user.denied),
    String(user.limitDenials),
    yesNo(user.licensed),
    user.serviceAccount ? 'yes' : 'no',
    String(user.clients),
  ];
}
