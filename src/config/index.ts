export { CONFIG_VARIABLES, readConfig } from './read-config.js';
export { hasSlackCredentials, slackCredentials } from './slack-credentials.js';
export type { SlackCredentials, SlackCredentialsResult, SlackReceiverSettings } from './slack-credentials.js';
export type { AppConfig, ConfigResult, Environment, LogLevel, QlikConfig, SlackConfig, StateConfig, WatchConfig } from './read-config.js';
export { missingQlikSettings } from './missing-qlik-settings.js';
export type { QlikCapability } from './missing-qlik-settings.js';
