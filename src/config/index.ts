export { CONFIG_VARIABLES, readConfig } from './read-config.js';
export { hasSlackCredentials, slackCredentials } from './slack-credentials.js';
export type { SlackCredentials, SlackCredentialsResult, SlackReceiverSettings } from './slack-credentials.js';
export type { AppConfig, ConfigResult, Environment, LogLevel, QlikConfig, QlikUserRef, SlackConfig, StateConfig, WatchConfig } from './read-config.js';
export { isQlikUserName, QLIK_USER_NAME } from './is-qlik-user-name.js';
export { missingQlikSettings } from './missing-qlik-settings.js';
export type { QlikCapability } from './missing-qlik-settings.js';
