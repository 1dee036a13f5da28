export { renderPng } from './render-png.js';
