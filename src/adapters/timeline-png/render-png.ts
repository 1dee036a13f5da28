import { fileURLToPath } from 'node:url';
import { renderAsync } from '@resvg/resvg-js';
import { CHART_FONT_FAMILY } from '../../core/timeline/index.js';

/** The bundled font (DejaVu, licence beside it): a server without fonts still draws the text. */
export const CHART_FONT_FILE = fileURLToPath(new URL('../../../assets/fonts/DejaVuSansCondensed.ttf', import.meta.url));

/**
 * SVG to PNG with resvg (no browser, nothing downloaded); system fonts are not used, so every machine draws alike.
 * Drawn on libuv's thread pool: a picture takes tens of milliseconds, which the server's event loop (acking Slack
 * within its deadline) must not spend.
 */
export async function renderPng(svg: string): Promise<Uint8Array> {
  const image = await renderAsync(svg, {
    font: { fontFiles: [CHART_FONT_FILE], loadSystemFonts: false, defaultFontFamily: CHART_FONT_FAMILY },
    background: '#ffffff',
  });
  return image.asPng();
}
