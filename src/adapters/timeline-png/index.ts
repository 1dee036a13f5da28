export { CHART_FONT_FILE, renderPng } from './render-png.js';
