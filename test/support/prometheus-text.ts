import parsePrometheusTextFormat from 'parse-prometheus-text-format';

export type MetricFamilies = ReturnType<typeof parsePrometheusTextFormat>;

/** One sample line of the text format: name, optional {labels}, a value (prom-client writes NaN as `Nan`, which Prometheus reads). */
const SAMPLE =
  /^[a-zA-Z_:][a-zA-Z0-9_:]*(?:\{(?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*",?)*\})? (?:[-+]?(?:\d+(?:\.\d+)?(?:e[-+]?\d+)?|Inf|NaN|Nan))(?: -?\d+)?$/;

/** Parses a /metrics answer with a parser of the field, after checking every line is a comment or a well-formed sample. */
export function parsePrometheusText(text: string): MetricFamilies {
  const bad = text.split('\n').filter((line) => line !== '' && !line.startsWith('# ') && !SAMPLE.test(line));
  if (bad.length > 0) throw new Error(`not Prometheus text: ${bad.slice(0, 3).join(' | ')}`);
  return parsePrometheusTextFormat(text);
}

/** The value of one counter or gauge sample, 0 when the series is not there (yet). */
export function sampleValue(
  families: MetricFamilies,
  name: string,
  labels: Readonly<Record<string, string>> = {},
): number {
  const family = families.find((candidate) => candidate.name === name);
  if (family === undefined) throw new Error(`no metric ${name}`);
  const sample = family.metrics.find((metric) =>
    Object.entries(labels).every(([key, value]) => metric.labels?.[key] === value),
  );
  if (sample === undefined) return 0;
  return Number(sample.value ?? sample.count);
}

/** Every label value of every sample, to check that none carries a user name or a channel id. */
export function allLabelValues(families: MetricFamilies): string[] {
  return families.flatMap((family) => family.metrics.flatMap((metric) => Object.values(metric.labels ?? {})));
}
