export { plural } from './plural.js';
export { code, link, strong, toPlainText } from './rich-text.js';
export type { Link, RichText, Span } from './rich-text.js';
export { unescapeSlackEntities } from './unescape-slack-entities.js';
export { isTimeZone, zonedTime } from './zoned-time.js';
export type { ZonedTime } from './zoned-time.js';
