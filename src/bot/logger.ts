/** A value in a log line: ids, counts, codes and names of settings; never message bodies, pasted logs or tokens. */
export type LogValue = string | number | boolean | null | undefined | readonly (string | number)[];

export type LogFields = Readonly<Record<string, LogValue>>;

/** One level of the logger: fields first (pino's order), or a bare message. */
export interface LogMethod {
  (fields: LogFields, message: string): void;
  (message: string): void;
}

/** The one structured logger of the app (pino in production, JSON lines); injected wherever something is logged. */
export interface Logger {
  readonly debug: LogMethod;
  readonly info: LogMethod;
  readonly warn: LogMethod;
  readonly error: LogMethod;
}

const ignore: LogMethod = () => undefined;

/** Logs nothing: the default where no logger is injected (tests, one-shot commands). */
export const silentLogger: Logger = { debug: ignore, info: ignore, warn: ignore, error: ignore };
