import { liveUserReportCommand } from './live-user-report-command.js';
import { renderSessionsText } from './render-live-report-text.js';

export const sessionsCommand = liveUserReportCommand({
  name: 'sessions',
  summary: "a user's live proxy sessions on every proxy node and virtual proxy",
  ask: (live, user) => live.sessions(user),
  renderText: renderSessionsText,
});
