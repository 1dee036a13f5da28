export { createPinoLogger } from './pino-logger.js';
export type { PinoLoggerOptions } from './pino-logger.js';
export { scrubSecrets } from './scrub-secrets.js';
