import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import { CHART_FONT_FAMILY } from '../../core/timeline/index.js';

/** The bundled font (DejaVu, licence beside it): a server without fonts still draws the text. */
export const CHART_FONT_FILE = fileURLToPath(new URL('../../../assets/fonts/DejaVuSansCondensed.ttf', import.meta.url));

/** SVG to PNG with resvg (no browser, nothing downloaded); system fonts are not used, so every machine draws alike. */
export function renderPng(svg: string): Uint8Array {
  const resvg = new Resvg(svg, {
    font: { fontFiles: [CHART_FONT_FILE], loadSystemFonts: false, defaultFontFamily: CHART_FONT_FAMILY },
    background: '#ffffff',
  });
  return resvg.render().asPng();
}
