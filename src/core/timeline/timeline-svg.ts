import { zonedTime, type ZonedTime } from '../text/index.js';
import type { ChartSession, ChartTimeline } from './chart-timeline.js';
import { parallelSteps } from './parallel-steps.js';
import { timeTicks } from './time-ticks.js';

export interface TimelineChartOptions {
  /** IANA zone of the axis and the times in the subtitle (QLIK_TIME_ZONE). */
  readonly timeZone?: string;
  /** Parallel sessions a user may hold (Qlik's default is 5). */
  readonly limit?: number;
}

/** Font family of the bundled font; the PNG renderer loads the file. */
export const CHART_FONT_FAMILY = 'DejaVu Sans Condensed';
/** More sessions than this draw the parallel-count line alone: a bar each would be unreadable. */
export const MAX_BARS = 40;
export const CHART_WIDTH = 1000;

const LEFT = 64;
const RIGHT = 28;
const PLOT_WIDTH = CHART_WIDTH - LEFT - RIGHT;
const ROW = 16;
const BAR = 11;
const COUNT_HEIGHT = 150;
const SUMMARY_COUNT_HEIGHT = 240;
const PALETTE = ['#2b6cb0', '#2f855a', '#b7791f', '#6b46c1', '#c05621', '#2c7a7b'];
const OTHER = '#718096';
const REFUSED = '#c53030';
const INK = '#1a202c';
const MUTED = '#4a5568';
const GRID = '#e2e8f0';

/** Everything in the picture that came from a log is escaped: it is XML. */
function xml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const num = (value: number): string => String(Math.round(value * 10) / 10);

function text(x: number, y: number, content: string, attributes = ''): string {
  return `<text x="${num(x)}" y="${num(y)}"${attributes === '' ? '' : ` ${attributes}`}>${xml(content)}</text>`;
}

interface Grouping {
  readonly kind: 'node' | 'client' | null;
  readonly colorOf: (session: ChartSession) => string;
  readonly legend: readonly { readonly label: string; readonly color: string }[];
}

/** Nodes told apart when the sessions ran on several; otherwise clients (browsers, machines) when there are several. */
function grouping(sessions: readonly ChartSession[]): Grouping {
  const distinct = (key: 'node' | 'client') =>
    [...new Set(sessions.flatMap((session) => (session[key] === undefined ? [] : [session[key]])))].sort();
  const nodes = distinct('node');
  const clients = distinct('client');
  const kind = nodes.length > 1 ? 'node' : clients.length > 1 ? 'client' : null;
  if (kind === null) return { kind, colorOf: () => PALETTE[0] ?? OTHER, legend: [] };
  const values = kind === 'node' ? nodes : clients;
  const colors = new Map(values.slice(0, PALETTE.length).map((value, index) => [value, PALETTE[index] ?? OTHER]));
  const legend = [...colors].map(([value, color]) => ({ label: `${kind} ${value}`, color }));
  if (values.length > PALETTE.length)
    legend.push({ label: `${values.length - PALETTE.length} other ${kind}s`, color: OTHER });
  return { kind, colorOf: (session) => colors.get(session[kind] ?? '') ?? OTHER, legend };
}

/** The time axis, padded, and the first and last instants drawn (for the dates in the note). */
function domain(timeline: ChartTimeline): { from: number; to: number; first: number; last: number } {
  let first = Infinity;
  let last = -Infinity;
  const see = (at: number) => {
    if (!Number.isFinite(at)) return;
    first = Math.min(first, at);
    last = Math.max(last, at);
  };
  for (const session of timeline.sessions) {
    see(session.start.getTime());
    see(session.end.getTime());
  }
  for (const refusal of timeline.refusals) see(refusal.getTime());
  if (first > last) return { from: 0, to: 60_000, first: 0, last: 0 };
  let from = first;
  let to = last;
  if (to - from < 60_000) {
    const middle = (from + to) / 2;
    from = middle - 30_000;
    to = middle + 30_000;
  }
  const pad = (to - from) * 0.02;
  return { from: from - pad, to: to + pad, first, last };
}

function subtitle(timeline: ChartTimeline, zone: ZonedTime, limit: number, drawn: number): string {
  const parts = [
    `peak ${timeline.peak} parallel${timeline.peakAt === undefined ? '' : ` at ${zone.instant(timeline.peakAt)}`}`,
    `limit ${limit}`,
  ];
  const total = timeline.sessions.length + timeline.omittedSessions;
  parts.push(
    `${total} session${total === 1 ? '' : 's'}${drawn > 0 && drawn < total ? ` (${drawn} drawn as bars)` : ''}`,
  );
  if (timeline.refusals.length > 0) parts.push(`${timeline.refusals.length} refused`);
  return parts.join(' · ');
}

/**
 * The timeline picture of one user's proxy sessions as SVG: a bar per session (assumed timeouts hatched, sessions
 * still open or begun before the excerpt marked), the parallel count under it with the limit line, refused attempts
 * in red, time in the site's zone. Past MAX_BARS sessions only the count is drawn. Pure and deterministic.
 */
export function timelineSvg(timeline: ChartTimeline, options: TimelineChartOptions = {}): string {
  const zone = zonedTime(options.timeZone);
  const limit = options.limit ?? 5;
  const sessions = [...timeline.sessions].sort(
    (a, b) => a.start.getTime() - b.start.getTime() || a.end.getTime() - b.end.getTime(),
  );
  const bars = sessions.length <= MAX_BARS ? sessions : [];
  const groups = grouping(sessions);
  const { from, to, first, last } = domain(timeline);
  const x = (at: number) => LEFT + ((at - from) / (to - from)) * PLOT_WIDTH;

  const out: string[] = [];
  const styles = new Set(bars.map((session) => session.ending));
  const before = bars.some((session) => session.startsBeforeExcerpt);
  const legend: string[] = [];
  let legendX = LEFT;
  let legendY = 67;
  const legendItem = (swatch: (lx: number, ly: number) => string, label: string) => {
    const width = 30 + label.length * 6.4;
    // Wrap instead of running off the picture.
    if (legendX > LEFT && legendX + width > CHART_WIDTH - RIGHT) {
      legendX = LEFT;
      legendY += 18;
    }
    legend.push(swatch(legendX, legendY), text(legendX + 20, legendY + 9, label, `class="small"`));
    legendX += width;
  };
  const box =
    (fill: string, extra = '') =>
    (lx: number, ly: number) =>
      `<rect x="${num(lx)}" y="${ly}" width="14" height="10" fill="${fill}"${extra === '' ? '' : ` ${extra}`}/>`;
  for (const group of groups.legend) legendItem(box(group.color), group.label);
  if (bars.length > 0) {
    legendItem(box(MUTED), 'ended (stop, timeout)');
    if (styles.has('assumed-timeout'))
      legendItem(box('url(#hatch)', `stroke="${MUTED}" stroke-dasharray="3 2"`), 'end assumed (timeout, no line)');
    if (styles.has('open-at-end'))
      legendItem((lx, ly) => `<path d="M${num(lx)} ${ly}h10l4 5l-4 5h-10z" fill="${MUTED}"/>`, 'still open at the end');
    if (before)
      legendItem(
        (lx, ly) => `<path d="M${num(lx + 14)} ${ly}h-10l-4 5l4 5h10z" fill="${MUTED}"/>`,
        'began before the excerpt',
      );
  }
  if (timeline.refusals.length > 0) {
    legendItem(
      (lx, ly) => `<path d="M${num(lx + 2)} ${ly}l10 10m0 -10l-10 10" stroke="${REFUSED}" stroke-width="2.5"/>`,
      'refused attempt',
    );
  }

  const barsTop = legendY + 29;
  const barsHeight = bars.length * ROW;
  const countTop = barsTop + barsHeight + (bars.length > 0 ? 30 : 34);
  const countHeight = bars.length > 0 ? COUNT_HEIGHT : SUMMARY_COUNT_HEIGHT;
  const countBottom = countTop + countHeight;
  const height = countBottom + 64;

  const steps = parallelSteps(sessions);
  const maxOpen = Math.max(0, ...steps.map((step) => step.open));
  const yMax = Math.max(limit + 1, timeline.peak, maxOpen);
  const y = (open: number) => countBottom - (open / yMax) * countHeight;
  const ticks = timeTicks(from, to, zone, { first, last });

  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${num(height)}" viewBox="0 0 ${CHART_WIDTH} ${num(height)}" font-family="${CHART_FONT_FAMILY}">`,
    `<title>${xml(`Proxy sessions of ${timeline.user}`)}</title>`,
    `<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
      `<rect width="6" height="6" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="6" stroke="${MUTED}" stroke-width="3"/></pattern></defs>`,
    `<style>text{fill:${INK};font-size:13px}.small{font-size:11px;fill:${MUTED}}.title{font-size:19px}.axis{font-size:11px;fill:${MUTED}}</style>`,
    `<rect width="${CHART_WIDTH}" height="${num(height)}" fill="#ffffff"/>`,
    text(LEFT, 30, `${timeline.user}: proxy sessions over time`, 'class="title"'),
    text(LEFT, 52, subtitle(timeline, zone, limit, bars.length)),
    ...legend,
  );

  // Vertical grid at the ticks, through both panels.
  for (const tick of ticks) {
    out.push(
      `<line x1="${num(x(tick.at))}" y1="${barsTop - 4}" x2="${num(x(tick.at))}" y2="${num(countBottom)}" stroke="${GRID}"/>`,
    );
    out.push(text(x(tick.at), countBottom + 16, tick.label, 'class="axis" text-anchor="middle"'));
  }

  bars.forEach((session, index) => {
    const top = barsTop + index * ROW;
    const x1 = x(session.start.getTime());
    const x2 = Math.max(x(session.end.getTime()), x1 + 2);
    const color = groups.colorOf(session);
    if (session.ending === 'assumed-timeout') {
      out.push(
        `<rect x="${num(x1)}" y="${top}" width="${num(x2 - x1)}" height="${BAR}" fill="url(#hatch)" stroke="${color}" stroke-dasharray="4 2"/>`,
      );
    } else {
      out.push(`<rect x="${num(x1)}" y="${top}" width="${num(x2 - x1)}" height="${BAR}" fill="${color}"/>`);
    }
    if (session.ending === 'open-at-end')
      out.push(`<path d="M${num(x2)} ${top}l6 ${BAR / 2}l-6 ${BAR / 2}z" fill="${color}"/>`);
    if (session.startsBeforeExcerpt)
      out.push(`<path d="M${num(x1)} ${top}l-6 ${BAR / 2}l6 ${BAR / 2}z" fill="${color}"/>`);
  });
  if (bars.length > 0) {
    out.push(text(LEFT - 8, barsTop + 9, 'sessions', 'class="axis" text-anchor="end"'));
    for (const refusal of timeline.refusals) {
      const rx = num(x(refusal.getTime()));
      out.push(
        `<line x1="${rx}" y1="${barsTop - 4}" x2="${rx}" y2="${num(barsTop + barsHeight)}" stroke="${REFUSED}" stroke-width="1" stroke-dasharray="2 3"/>`,
      );
    }
  } else if (sessions.length > 0) {
    const total = sessions.length + timeline.omittedSessions;
    out.push(
      text(
        LEFT,
        barsTop + 4,
        `${total} sessions are too many for a bar each: the line shows how many were open at once.`,
        'class="small"',
      ),
    );
  }

  // The parallel count with the limit line.
  const yStep = yMax <= 12 ? 1 : Math.ceil(yMax / 10);
  for (let open = 0; open <= yMax; open += yStep) {
    out.push(
      `<line x1="${LEFT}" y1="${num(y(open))}" x2="${LEFT + PLOT_WIDTH}" y2="${num(y(open))}" stroke="${GRID}"/>`,
    );
    out.push(text(LEFT - 8, y(open) + 4, String(open), 'class="axis" text-anchor="end"'));
  }
  out.push(text(LEFT - 8, countTop - 6, 'open', 'class="axis" text-anchor="end"'));
  if (steps.length > 0) {
    const points: string[] = [`M${num(x(steps[0]?.at ?? from))} ${num(y(0))}`];
    let previous = 0;
    for (const step of steps) {
      points.push(`L${num(x(step.at))} ${num(y(previous))}`, `L${num(x(step.at))} ${num(y(step.open))}`);
      previous = step.open;
    }
    const line = points.join('');
    out.push(
      `<path d="${line}Z" fill="#bee3f8" stroke="none"/>`,
      `<path d="${line}" fill="none" stroke="#2b6cb0" stroke-width="2"/>`,
    );
  }
  out.push(
    `<line x1="${LEFT}" y1="${num(y(limit))}" x2="${LEFT + PLOT_WIDTH}" y2="${num(y(limit))}" stroke="${REFUSED}" stroke-width="2" stroke-dasharray="8 4"/>`,
    text(
      LEFT + PLOT_WIDTH - 4,
      y(limit) - 5,
      `limit ${limit}`,
      `class="small" text-anchor="end" style="fill:${REFUSED}"`,
    ),
  );
  for (const refusal of timeline.refusals) {
    const rx = x(refusal.getTime());
    const ry = y(limit);
    out.push(`<path d="M${num(rx - 5)} ${num(ry - 5)}l10 10m0 -10l-10 10" stroke="${REFUSED}" stroke-width="2.5"/>`);
  }
  if (timeline.peakAt !== undefined && timeline.peak > 0) {
    const px = x(timeline.peakAt.getTime());
    const py = y(timeline.peak);
    out.push(
      `<circle cx="${num(px)}" cy="${num(py)}" r="4" fill="${INK}"/>`,
      text(px + 7, py - 6, `peak ${timeline.peak}`, 'class="small"'),
    );
  }
  out.push(
    `<line x1="${LEFT}" y1="${num(countBottom)}" x2="${LEFT + PLOT_WIDTH}" y2="${num(countBottom)}" stroke="${MUTED}"/>`,
  );

  const days = zone.day(first) === zone.day(last) ? zone.day(first) : `${zone.day(first)} to ${zone.day(last)}`;
  const notes = [`Times in ${zone.timeZone} (QLIK_TIME_ZONE), ${days}.`];
  if (timeline.omittedSessions > 0)
    notes.push(`${timeline.omittedSessions} more sessions, away from the peak, are not in the picture.`);
  out.push(text(LEFT, height - 16, notes.join(' '), 'class="small"'), '</svg>');
  return `${out.join('\n')}\n`;
}
