export { readConfig } from './read-config.js';
export { hasSlackCredentials, slackCredentials } from './slack-credentials.js';
export type { SlackCredentials } from './slack-credentials.js';
export { proxyFor } from './proxy-for-url.js';
export type { AppConfig, ConfigResult, Environment, LogLevel, QlikConfig, SlackConfig } from './read-config.js';
export { missingQlikSettings, notConfiguredMessage, QLIK_SETTING_HINTS } from './missing-qlik-settings.js';
export type { QlikCapability } from './missing-qlik-settings.js';
