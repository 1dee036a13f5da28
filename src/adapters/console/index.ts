export { renderReplyText } from './render-reply-text.js';
export type { TextStyle } from './render-reply-text.js';
