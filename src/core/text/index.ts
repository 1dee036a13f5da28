export { code, link, strong, toPlainText } from './rich-text.js';
export type { Link, RichText, Span } from './rich-text.js';
export { unescapeSlackEntities } from './unescape-slack-entities.js';
