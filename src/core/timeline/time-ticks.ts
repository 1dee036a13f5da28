import type { ZonedTime } from '../text/index.js';

export interface Tick {
  readonly at: number;
  readonly label: string;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const STEPS = [
  SECOND,
  5 * SECOND,
  10 * SECOND,
  30 * SECOND,
  MINUTE,
  2 * MINUTE,
  5 * MINUTE,
  10 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  2 * HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
  2 * DAY,
  7 * DAY,
];

/** At most `max` ticks on round local times (whole minutes, hours in the zone) between `from` and `to`. */
export function timeTicks(
  from: number,
  to: number,
  zone: ZonedTime,
  drawn: { readonly first: number; readonly last: number } = { first: from, last: to },
  max = 8,
): Tick[] {
  const span = Math.max(to - from, SECOND);
  const step = STEPS.find((candidate) => span / candidate <= max) ?? Math.ceil(span / max / DAY) * DAY;
  const offset = zone.offsetMinutes(from) * MINUTE;
  const first = Math.ceil((from + offset) / step) * step - offset;
  // Dates only when the drawn instants (not the padding) cross midnight in the zone.
  const multiDay = zone.day(drawn.first) !== zone.day(drawn.last);
  const ticks: Tick[] = [];
  for (let at = first; at <= to; at += step) {
    const clock = zone.clock(at, step < MINUTE);
    ticks.push({ at, label: multiDay && step >= HOUR ? `${zone.day(at).slice(5)} ${clock}` : clock });
  }
  return ticks;
}
