export { createPrometheusMetrics } from './prometheus-metrics.js';
export type { PrometheusMetrics, PrometheusMetricsOptions } from './prometheus-metrics.js';
