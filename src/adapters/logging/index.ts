export { createStreamLogger } from './create-stream-logger.js';
