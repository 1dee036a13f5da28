import { liveUserReportCommand } from './live-user-report-command.js';
import { renderLicensesText } from './render-live-report-text.js';

export const licensesCommand = liveUserReportCommand({
  name: 'licenses',
  summary: "a user's licence allocations (professional, analyzer, user, login access)",
  ask: (live, user) => live.licenses(user),
  renderText: renderLicensesText,
});
