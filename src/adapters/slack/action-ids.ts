/** Ids shared by the Block Kit renderer, the manifests and the listeners that handle the clicks and submissions. */
export const ACTION_IDS = {
  helpful: 'qlik_sessions_helpful',
  notHelpful: 'qlik_sessions_not_helpful',
  shareInChannel: 'qlik_sessions_share',
  endSessions: 'qlik_sessions_end_sessions',
  homeAnalyze: 'qlik_sessions_home_analyze',
  homeEntry: 'qlik_sessions_home_entry',
} as const;

/** Callback ids of the shortcuts; the manifests declare the same. */
export const SHORTCUTS = {
  analyzeMessage: 'qlik_sessions_analyze_message',
  analyzeForm: 'qlik_sessions_analyze_form',
} as const;

export const ANALYZE_MODAL = {
  callbackId: 'qlik_sessions_analyze',
  blockId: 'log_excerpt',
  actionId: 'text',
  filesBlockId: 'log_files',
  filesActionId: 'files',
  destinationBlockId: 'destination',
  destinationActionId: 'where',
  channelBlockId: 'channel',
  channelActionId: 'channel',
} as const;

export const ENTRY_MODAL = { callbackId: 'qlik_sessions_entry' } as const;
