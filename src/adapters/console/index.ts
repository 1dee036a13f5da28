export { isPastedLogLine } from './is-pasted-log-line.js';
export { renderReplyText } from './render-reply-text.js';
export { runConsole } from './run-console.js';
export { isClosedPipe, writeText } from './write-text.js';
