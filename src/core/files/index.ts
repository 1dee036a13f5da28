export { isLogFileName, logFileKind } from './log-file-kind.js';
export type { LogFileKind } from './log-file-kind.js';
