import type { Logger } from '../bot/index.js';

/** The part of `process` the safety net listens on; tests pass an EventEmitter. */
export interface ProcessEvents {
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
  off(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
}

function describeReason(reason: unknown): string {
  if (reason instanceof Error) return `${reason.name}: ${reason.message}`.slice(0, 300);
  return typeof reason;
}

/**
 * A promise rejected with nobody listening would end the process (Node's default): the server logs it as an error
 * and keeps serving the other requests. Returns the function that takes the handler away again.
 */
export function installProcessSafetyNet(logger: Logger, events: ProcessEvents = process): () => void {
  const onRejection = (reason: unknown) => {
    logger.error(
      { reason: describeReason(reason) },
      'unhandled promise rejection (a bug, please report it); still serving',
    );
  };
  events.on('unhandledRejection', onRejection);
  return () => void events.off('unhandledRejection', onRejection);
}
