/** The stable ids of DESIGN section 4: tests, replies, verdicts and links refer to entries by these. */
export const KNOWLEDGE_IDS = [
  'five-session-limit',
  'tabs-vs-browsers',
  'service-account-license',
  'monitoring-app-reload',
  'no-access-pass-message',
  'no-license-assigned',
  'count-sessions',
  'end-sessions',
  'api-automation-sessions',
  'mashup-iframe-sessions',
  'virtual-proxy-sessions',
  'disconnect-cookie-burst',
  'qlik-cloud-sessions',
] as const;
