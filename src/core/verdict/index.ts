export { analyzeLogs } from './analyze-logs.js';
export type { AnalyzeOptions } from './analyze-logs.js';
export { reportJson, VERDICT_CODES } from './analysis-report.js';
export type { AnalysisReport, Finding, UserSummary, VerdictCode } from './analysis-report.js';
export { SESSION_LIMIT } from './find-findings.js';
export { formatInstant } from './format-instant.js';
