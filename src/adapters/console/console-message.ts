import type { IncomingMessage } from '../../bot/index.js';

export const CONSOLE_ID = 'console';

/** Typed as in Slack: `/qlik-sessions ...` is the slash command, `@qlik-sessions ...` a mention, anything else a DM. */
export function consoleMessage(text: string): IncomingMessage {
  const trimmed = text.trimStart();
  const command = /^\/qlik-sessions(?=\s|$)/i.exec(trimmed);
  const base = { files: [], senderId: CONSOLE_ID, channelId: CONSOLE_ID, threadId: null } as const;
  if (command !== null) return { ...base, kind: 'command', text: trimmed.slice(command[0].length).trim() };
  if (/^@qlik-sessions(?=[\s:,]|$)/i.test(trimmed)) return { ...base, kind: 'mention', text: trimmed };
  return { ...base, kind: 'direct-message', text };
}
