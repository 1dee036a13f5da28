/** Times for people in the site's zone (QLIK_TIME_ZONE); JSON keeps ISO 8601 UTC. Pure: Intl only. */
export interface ZonedTime {
  readonly timeZone: string;
  /** `2024-03-12 09:08:47 CET`. */
  instant(at: Date | number): string;
  /** `09:08` (or `09:08:47` with seconds) for chart axes. */
  clock(at: Date | number, seconds?: boolean): string;
  /** `2024-03-12` in the zone. */
  day(at: Date | number): string;
  /** Minutes the zone is ahead of UTC at that instant (60 for CET), so chart ticks fall on local hours. */
  offsetMinutes(at: Date | number): number;
}

/** True for an IANA zone name Intl knows (`Europe/Berlin`, `UTC`). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

type Parts = Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second' | 'timeZoneName', string>;

/** A formatter for one zone; an unknown zone falls back to UTC (config rejects it before this is reached). */
export function zonedTime(timeZone = 'UTC'): ZonedTime {
  const zone = isTimeZone(timeZone) ? timeZone : 'UTC';
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  });
  const parts = (at: Date | number): Parts => {
    const out: Record<string, string> = {};
    for (const part of format.formatToParts(at)) out[part.type] = part.value;
    return out as Parts;
  };
  const valid = (at: Date | number) => Number.isFinite(typeof at === 'number' ? at : at.getTime());
  return {
    timeZone: zone,
    instant(at) {
      if (!valid(at)) return 'an unknown time';
      const p = parts(at);
      return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second} ${p.timeZoneName}`;
    },
    clock(at, seconds = false) {
      if (!valid(at)) return '?';
      const p = parts(at);
      return seconds ? `${p.hour}:${p.minute}:${p.second}` : `${p.hour}:${p.minute}`;
    },
    day(at) {
      if (!valid(at)) return '?';
      const p = parts(at);
      return `${p.year}-${p.month}-${p.day}`;
    },
    offsetMinutes(at) {
      if (!valid(at)) return 0;
      const ms = typeof at === 'number' ? at : at.getTime();
      const p = parts(ms);
      const wall = Date.UTC(
        Number(p.year),
        Number(p.month) - 1,
        Number(p.day),
        Number(p.hour),
        Number(p.minute),
        Number(p.second),
      );
      return Math.round((wall - Math.floor(ms / 1000) * 1000) / 60_000);
    },
  };
}
