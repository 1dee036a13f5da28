import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderPng } from '../../../src/adapters/timeline-png/index.js';
import { CHART_FONT_FILE } from '../../../src/adapters/timeline-png/render-png.js';
import { timelineSvg } from '../../../src/core/timeline/index.js';
import { CHART_WIDTH } from '../../../src/core/timeline/timeline-svg.js';
import { pngSize } from '../../support/png-size.js';
import { LIMIT_TIMELINE, manySessionsTimeline } from '../../support/timeline-cases.js';

describe('renderPng', () => {
  it('renders the SVG to a PNG of the picture size', async () => {
    const svg = timelineSvg(LIMIT_TIMELINE);
    const height = Number(/height="([\d.]+)"/.exec(svg)?.[1]);
    const size = pngSize(await renderPng(svg));
    expect(size).toEqual({ width: CHART_WIDTH, height: Math.ceil(height) });
  });

  it('draws the text with the bundled font, which ships with its licence', async () => {
    expect(existsSync(CHART_FONT_FILE)).toBe(true);
    expect(readFileSync(new URL('../../../assets/fonts/LICENSE-DejaVu.txt', import.meta.url), 'utf8')).toContain(
      'Bitstream',
    );
    // Without any font the title would draw nothing: text makes the picture heavier than the same one without it.
    const withText = (await renderPng(timelineSvg(LIMIT_TIMELINE))).length;
    const noText = (await renderPng(timelineSvg(LIMIT_TIMELINE).replace(/<text[^>]*>[^<]*<\/text>/g, ''))).length;
    expect(withText).toBeGreaterThan(noText + 2000);
  });

  it('renders the bounded summary of a user with many sessions', async () => {
    expect(pngSize(await renderPng(timelineSvg(manySessionsTimeline(500)))).width).toBe(CHART_WIDTH);
  });
});
