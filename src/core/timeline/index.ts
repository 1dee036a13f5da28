export type { ChartSession, ChartTimeline, SessionEnding } from './chart-timeline.js';
export { chartedTimeline } from './charted-timeline.js';
export type { ChartableReport } from './charted-timeline.js';
export { parallelSteps } from './parallel-steps.js';
export type { Step } from './parallel-steps.js';
export { timelineAltText } from './timeline-alt-text.js';
export { CHART_FONT_FAMILY, CHART_WIDTH, MAX_BARS, timelineSvg } from './timeline-svg.js';
export type { TimelineChartOptions } from './timeline-svg.js';
