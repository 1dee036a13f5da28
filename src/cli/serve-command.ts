import { parseArgs } from 'node:util';
import { EXIT_OK, EXIT_USAGE, write, type CliIo } from './cli-io.js';
import type { Command } from './command.js';
import type { Watch } from '../bot/index.js';
import type { App } from '../main.js';
import { openApp } from './open-app.js';
import { installProcessSafetyNet, type ProcessEvents } from './process-safety-net.js';

/** Resolves when the process is asked to stop; tests pass their own. */
export type StopSignal = () => Promise<string>;

export function processStopSignal(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
      resolve(signal);
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
}

const SYNOPSIS = 'serve';

/** The watch inside serve: with QLIK_ALERT_CHANNEL and something to watch (QLIK_LOG_DIR or the live APIs). */
async function startWatch(app: App): Promise<Watch | undefined> {
  const { config, logger } = app;
  const sink = await app.slackAlertSink();
  const wanted = config.watch.logDirs.length > 0 || config.qlik.proxyUrls.length > 0;
  if (sink === undefined) {
    if (config.watch.logDirs.length > 0)
      logger.info('the watch is off: set QLIK_ALERT_CHANNEL to the channel id that should get its alerts');
    return undefined;
  }
  if (!wanted) return undefined;
  const built = await app.watch(sink, {
    endButton: config.slack.admins.length > 0,
    onProblem: (text) => logger.warn(text),
  });
  if (!built.ok) {
    logger.warn(`the watch is off: ${built.error}`);
    return undefined;
  }
  built.watch.start();
  logger.info(`watching ${built.sources}; alerts go to ${config.watch.alertChannel ?? ''}`);
  return built.watch;
}

/** `qlik-sessions serve`: Slack over Socket Mode when SLACK_APP_TOKEN is set, else HTTP on PORT; stops gracefully on SIGTERM/SIGINT. */
export function createServeCommand(
  waitForStop: StopSignal = processStopSignal,
  processEvents: ProcessEvents = process,
): Command {
  return {
    name: 'serve',
    synopsis: SYNOPSIS,
    summary: 'serve Slack: Socket Mode when SLACK_APP_TOKEN is set, otherwise HTTP on PORT at /slack/events',
    async run(args, io: CliIo) {
      try {
        parseArgs({ args: [...args], options: {}, allowPositionals: false, strict: true });
      } catch (error) {
        await write(
          io.stderr,
          `qlik-sessions serve: ${error instanceof Error ? error.message : String(error)}. Usage: qlik-sessions ${SYNOPSIS} (settings come from the environment, see .env.example)\n`,
        );
        return EXIT_USAGE;
      }
      const app = await openApp(io, 'serve', { serving: true });
      if (app === undefined) return EXIT_USAGE;
      const { logger } = app;
      const removeSafetyNet = installProcessSafetyNet(logger, processEvents);
      const serving = await app.serve();
      if (!serving.ok) {
        removeSafetyNet();
        await write(io.stderr, `qlik-sessions serve: ${serving.error}\n`);
        return EXIT_USAGE;
      }
      const mode = serving.slack.transport.mode;
      const where =
        mode === 'socket'
          ? 'Socket Mode'
          : `HTTP on port ${serving.port ?? app.config.slack.port} at /slack/events (GET /healthz, /readyz, /metrics)`;
      if (serving.healthPort !== undefined)
        logger.info({ port: serving.healthPort }, 'health and metrics on HEALTH_PORT: GET /healthz, /readyz, /metrics');
      logger.info(
        { mode, port: serving.port, proxy: app.config.ops.httpsProxy !== undefined },
        `serving Slack over ${where}`,
      );
      const watch = await startWatch(app);
      const signal = await waitForStop();
      const inFlight = serving.slack.inFlight();
      logger.info({ signal, in_flight: inFlight }, `${signal}: stopping; finishing ${inFlight} replies in flight`);
      await watch?.stop();
      await serving.stop();
      logger.info('stopped');
      removeSafetyNet();
      return EXIT_OK;
    },
  };
}

export const serveCommand: Command = createServeCommand();
