import { renderReplyText } from '../adapters/console/index.js';
import { licensesReply } from '../bot/index.js';
import { liveUserReportCommand } from './live-user-report-command.js';
import { wantsColor } from './wants-color.js';

export const licensesCommand = liveUserReportCommand({
  name: 'licenses',
  summary: "a user's licence allocations (professional, analyzer, user, login access)",
  ask: (live, user) => live.licenses(user),
  // The same reply the chat gives, rendered as text.
  renderText: (report, io) => renderReplyText(licensesReply(report), { color: wantsColor(io) }),
});
