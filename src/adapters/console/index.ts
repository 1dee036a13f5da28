export { consoleMessage, CONSOLE_ID } from './console-message.js';
export { createLineGrouper, togglesFence } from './group-lines.js';
export type { LineGrouper } from './group-lines.js';
export { createPasteCollector, PASTE_QUIET_MS, realScheduler } from './paste-collector.js';
export type { PasteCollector, Scheduler } from './paste-collector.js';
export { renderReplyText } from './render-reply-text.js';
export type { TextStyle } from './render-reply-text.js';
export { PROMPT, runConsole } from './run-console.js';
export type { ConsoleOptions } from './run-console.js';
