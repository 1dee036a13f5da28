export { createPinoLogger } from './pino-logger.js';
