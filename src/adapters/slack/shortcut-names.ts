/**
 * The shortcut names people see; the manifests use the same words. Slack caps a shortcut name at 24 characters, so
 * "Analyze with qlik-sessions" (26) is shown as "qlik-sessions: analyze" and spelled out in the description.
 */
export const SHORTCUT_NAMES = {
  analyzeMessage: 'qlik-sessions: analyze',
  analyzeForm: 'Analyze Qlik logs',
} as const;
