export { isLogFileName } from './log-file-kind.js';
