export { chartedTimeline } from './charted-timeline.js';
export type { ChartableReport } from './charted-timeline.js';
export { timelineAltText } from './timeline-alt-text.js';
export { CHART_FONT_FAMILY, timelineSvg } from './timeline-svg.js';
