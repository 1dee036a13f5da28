/** Ids shared by the Block Kit renderer and the listeners that handle the clicks and submissions. */
export const ACTION_IDS = {
  helpful: 'qlik_sessions_helpful',
  notHelpful: 'qlik_sessions_not_helpful',
  shareInChannel: 'qlik_sessions_share',
  endSessions: 'qlik_sessions_end_sessions',
} as const;

export const ANALYZE_MODAL = {
  callbackId: 'qlik_sessions_analyze',
  blockId: 'log_excerpt',
  actionId: 'text',
} as const;
