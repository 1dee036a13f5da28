import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { AppMetrics } from '../../bot/index.js';

export interface PrometheusMetrics {
  /** The port the app counts through. */
  readonly metrics: AppMetrics;
  /** `text/plain; version=0.0.4; charset=utf-8`, for the /metrics answer. */
  readonly contentType: string;
  /** The Prometheus text exposition of every metric. */
  render(): Promise<string>;
}

export interface PrometheusMetricsOptions {
  /** Node.js process metrics (memory, CPU, event loop lag) beside ours; on in production. */
  readonly processMetrics?: boolean;
}

const PREFIX = 'qlik_sessions_';

/** Label values come from code and configuration only; this keeps a stray value from growing the series or carrying text. */
function label(value: string): string {
  const cleaned = value.replace(/[^A-Za-z0-9:/._-]/g, '_').slice(0, 80);
  return cleaned === '' ? 'unknown' : cleaned;
}

/** The AppMetrics port on prom-client, in a registry of its own (no global state between app instances or tests). */
export function createPrometheusMetrics(options: PrometheusMetricsOptions = {}): PrometheusMetrics {
  const registry = new Registry();
  if (options.processMetrics === true) collectDefaultMetrics({ register: registry, prefix: PREFIX });
  const registers = [registry];

  const events = new Counter({
    name: `${PREFIX}events_total`,
    help: 'Incoming events by kind and outcome (answered, quiet, refused).',
    labelNames: ['kind', 'outcome'],
    registers,
  });
  const repliesFailed = new Counter({
    name: `${PREFIX}replies_failed_total`,
    help: 'Replies that could not be posted, by event kind.',
    labelNames: ['kind'],
    registers,
  });
  const analyses = new Counter({
    name: `${PREFIX}analyses_total`,
    help: 'Log analyses by outcome (ok, failed, busy).',
    labelNames: ['outcome'],
    registers,
  });
  const analysisBytes = new Counter({
    name: `${PREFIX}analysis_bytes_total`,
    help: 'Bytes of log text analysed.',
    registers,
  });
  const analysisSeconds = new Histogram({
    name: `${PREFIX}analysis_duration_seconds`,
    help: 'Time an analysis took, from the start of reading to the report.',
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
    registers,
  });
  const queueDepth = new Gauge({
    name: `${PREFIX}analysis_queue_depth`,
    help: 'Analyses waiting for a worker.',
    registers,
  });
  const qlikCalls = new Counter({
    name: `${PREFIX}qlik_calls_total`,
    help: 'Calls to the Qlik Sense APIs by node and outcome (ok or the failure code).',
    labelNames: ['node', 'outcome'],
    registers,
  });
  const qlikSeconds = new Histogram({
    name: `${PREFIX}qlik_call_duration_seconds`,
    help: 'Time a Qlik Sense API call took, by node.',
    labelNames: ['node'],
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers,
  });
  const watchAlerts = new Counter({
    name: `${PREFIX}watch_alerts_total`,
    help: 'Alerts raised by the watch, by cause.',
    labelNames: ['cause'],
    registers,
  });

  const metrics: AppMetrics = {
    eventHandled: (kind, outcome) => events.inc({ kind: label(kind), outcome }),
    replyFailed: (kind) => repliesFailed.inc({ kind: label(kind) }),
    analysisFinished: ({ outcome, bytes, seconds }) => {
      analyses.inc({ outcome });
      if (bytes > 0) analysisBytes.inc(bytes);
      if (outcome !== 'busy') analysisSeconds.observe(Math.max(0, seconds));
    },
    analysisQueueDepth: (depth) => queueDepth.set(Math.max(0, depth)),
    qlikCall: (node, outcome, seconds) => {
      qlikCalls.inc({ node: label(node), outcome: label(outcome) });
      qlikSeconds.observe({ node: label(node) }, Math.max(0, seconds));
    },
    watchAlert: (cause) => watchAlerts.inc({ cause: label(cause) }),
  };
  return { metrics, contentType: registry.contentType, render: () => registry.metrics() };
}
