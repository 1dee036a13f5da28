export { plural } from './plural.js';
export { code, link, spansOf, strong, toPlainText } from './rich-text.js';
export type { Link, RichText, Span } from './rich-text.js';
export { isTimeZone, zonedTime } from './zoned-time.js';
export type { ZonedTime } from './zoned-time.js';
