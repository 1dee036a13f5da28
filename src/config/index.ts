export { CONFIG_VARIABLES, readConfig, hasSlackCredentials } from './read-config.js';
export type { AppConfig, ConfigResult, Environment, LogLevel, QlikConfig, QlikUserRef, SlackConfig, WatchConfig } from './read-config.js';
export { isQlikUserName, QLIK_USER_NAME } from './is-qlik-user-name.js';
export { missingQlikSettings } from './missing-qlik-settings.js';
export type { QlikCapability } from './missing-qlik-settings.js';
