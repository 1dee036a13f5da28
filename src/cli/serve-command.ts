import { parseArgs } from 'node:util';
import { cachedCheck, healthRoutes, startHealthServer, type HealthServer, type ReadinessCheck } from '../adapters/health/index.js';
import { createPinoLogger } from '../adapters/logging/index.js';
import { createPrometheusMetrics } from '../adapters/metrics/index.js';
import { isLiveQlikConfigured, qlikReadiness } from '../adapters/qlik/index.js';
import { describeError, startSlackApp, type SlackApp } from '../adapters/slack/index.js';
import { proxyFor, readConfig, type AppConfig } from '../config/index.js';
import type { AppMetrics } from '../bot/index.js';
import { EXIT_OK, EXIT_USAGE, write, type CliIo } from './cli-io.js';
import type { Command } from './command.js';
import { installProcessSafetyNet, type ProcessEvents } from './process-safety-net.js';

/** A readiness answer is kept this long, so frequent probes do not call Qlik every time. */
const QLIK_READINESS_TTL_MS = 15_000;

/** /readyz: Slack connected, and the Qlik APIs reachable when they are configured. */
function readinessChecks(config: AppConfig, slackApp: () => SlackApp | undefined, metrics: AppMetrics): ReadinessCheck[] {
  const checks: ReadinessCheck[] = [
    {
      name: 'slack',
      check: async () => (slackApp()?.connected() === true ? { ok: true } : { ok: false, detail: 'not connected to Slack (starting, or reconnecting)' }),
    },
  ];
  if (isLiveQlikConfigured(config.qlik)) {
    const probe = qlikReadiness(config.qlik, { proxyFor: (url) => proxyFor(config.ops, url), onCall: (node, outcome, seconds) => metrics.qlikCall(node, outcome, seconds) });
    checks.push(cachedCheck({ name: 'qlik', check: probe }, QLIK_READINESS_TTL_MS));
  }
  return checks;
}

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

function missingSlackSettings(env: CliIo['env']): string[] {
  const missing: string[] = [];
  if ((env['SLACK_BOT_TOKEN'] ?? '').trim() === '') missing.push('SLACK_BOT_TOKEN: the Bot User OAuth Token (xoxb-...) from "OAuth & Permissions" of your Slack app');
  if ((env['SLACK_APP_TOKEN'] ?? '').trim() === '' && (env['SLACK_SIGNING_SECRET'] ?? '').trim() === '') {
    missing.push('SLACK_APP_TOKEN (Socket Mode: an app-level token xapp-... with connections:write, from "Basic Information") or SLACK_SIGNING_SECRET (HTTP mode: the Signing Secret from "Basic Information")');
  }
  return missing;
}

/** `qlik-sessions serve`: Slack over Socket Mode when SLACK_APP_TOKEN is set, else HTTP on PORT; stops gracefully on SIGTERM/SIGINT. */
export function createServeCommand(waitForStop: StopSignal = processStopSignal, processEvents: ProcessEvents = process): Command {
  return {
    name: 'serve',
    synopsis: SYNOPSIS,
    summary: 'serve Slack: Socket Mode when SLACK_APP_TOKEN is set, otherwise HTTP on PORT at /slack/events',
    async run(args, io: CliIo) {
      try {
        parseArgs({ args: [...args], options: {}, allowPositionals: false, strict: true });
      } catch (error) {
        await write(io.stderr, `qlik-sessions serve: ${error instanceof Error ? error.message : String(error)}. Usage: qlik-sessions ${SYNOPSIS} (settings come from the environment, see .env.example)\n`);
        return EXIT_USAGE;
      }
      const read = readConfig(io.env, { cwd: io.cwd });
      if (!read.ok) {
        await write(io.stderr, `qlik-sessions serve: the configuration is not valid:\n${read.errors.map((error) => `  - ${error}\n`).join('')}`);
        return EXIT_USAGE;
      }
      const missing = missingSlackSettings(io.env);
      if (missing.length > 0) {
        await write(io.stderr, `qlik-sessions serve: Slack is not configured. Set:\n${missing.map((line) => `  - ${line}\n`).join('')}See README "Install in your workspace".\n`);
        return EXIT_USAGE;
      }
      const { config } = read;
      const logger = createPinoLogger({ level: config.logLevel, destination: { write: (line: string) => void io.stderr.write(line) } });
      const removeSafetyNet = installProcessSafetyNet(logger, processEvents);
      const prometheus = createPrometheusMetrics({ processMetrics: true });
      let slackApp: SlackApp | undefined;
      const routes = healthRoutes({ checks: readinessChecks(config, () => slackApp, prometheus.metrics), metrics: prometheus });
      let health: HealthServer | undefined;
      if (config.ops.healthPort !== undefined) {
        try {
          health = await startHealthServer(routes, config.ops.healthPort);
          logger.info({ port: health.port }, 'health and metrics on HEALTH_PORT: GET /healthz, /readyz, /metrics');
        } catch (error) {
          removeSafetyNet();
          await write(io.stderr, `qlik-sessions serve: HEALTH_PORT ${config.ops.healthPort} cannot be used (${describeError(error)}): set HEALTH_PORT to a free port.\n`);
          return EXIT_USAGE;
        }
      }
      const started = await startSlackApp(config, { logger, metrics: prometheus.metrics, routes, onCreated: (app) => (slackApp = app) });
      if (!started.ok) {
        await health?.close();
        removeSafetyNet();
        await write(io.stderr, `qlik-sessions serve: ${started.error}\n`);
        return EXIT_USAGE;
      }
      const mode = started.app.transport.mode === 'socket' ? 'socket' : 'http';
      const where = mode === 'socket' ? 'Socket Mode' : `HTTP on port ${started.port ?? config.slack.port} at /slack/events (GET /healthz, /readyz, /metrics)`;
      logger.info({ mode, port: started.port, proxy: config.ops.httpsProxy !== undefined }, `serving Slack over ${where}`);
      const signal = await waitForStop();
      logger.info({ signal, in_flight: started.app.inFlight() }, `${signal}: stopping; finishing ${started.app.inFlight()} replies in flight`);
      await started.app.stop();
      await health?.close();
      logger.info('stopped');
      removeSafetyNet();
      return EXIT_OK;
    },
  };
}

export const serveCommand: Command = createServeCommand();
