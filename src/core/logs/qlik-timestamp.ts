/** Qlik's `YYYYMMDDThhmmss.fffK` (offset with or without a colon, or `Z`), e.g. `20190201T045901.569+0100`. */
export const QLIK_TIMESTAMP_PATTERN = /\b(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})\.(\d{3})(Z|[+-]\d{2}:?\d{2})/;

function digits(text: string, from: number, count: number): number {
  let value = 0;
  for (let index = from; index < from + count; index++) {
    const digit = text.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return Number.NaN;
    value = value * 10 + digit;
  }
  return value;
}

/** Epoch milliseconds (as if UTC) of the hour `YYYYMMDDThh` at `from`. */
function hourStart(text: string, from: number): number {
  return Date.UTC(
    digits(text, from, 4),
    digits(text, from + 4, 2) - 1,
    digits(text, from + 6, 2),
    digits(text, from + 9, 2),
  );
}

/**
 * The minute read last, `YYYYMMDDThhmm`, its zone as written (`Z`, `+0100`, `+01:00`) and the epoch milliseconds
 * they make. A busy log writes hundreds of lines a minute in one zone: such a line reads only its seconds and
 * milliseconds, and what it gives is the sum the full reading would make of the same characters. The full reading
 * (and its Date.UTC) runs about once a minute of log. The characters are kept as codes and compared one by one:
 * `startsWith` runs in the engine's runtime, outside the optimised code, and cost more than the comparison.
 */
const MINUTE_LENGTH = 13;
const cachedMinute = new Uint16Array(MINUTE_LENGTH);
const cachedZone = new Uint16Array(6);
/** 0 until a timestamp has been read in full. */
let cachedZoneLength = 0;
let cachedMinuteAt = Number.NaN;

/** Whether `text` at `from` holds the cached minute, then anything for the seconds, then the cached zone. */
function inCachedMinute(text: string, from: number): boolean {
  const zoneLength = cachedZoneLength;
  if (zoneLength === 0 || text.length < from + 19 + zoneLength) return false;
  for (let index = 0; index < MINUTE_LENGTH; index++)
    if (text.charCodeAt(from + index) !== cachedMinute[index]) return false;
  for (let index = 0; index < zoneLength; index++)
    if (text.charCodeAt(from + 19 + index) !== cachedZone[index]) return false;
  return true;
}

/** Epoch milliseconds of a Qlik timestamp starting at `from`, or NaN; nodes in other zones merge on this instant. */
export function parseQlikTimestamp(text: string, from = 0): number {
  if (text.length >= from + 20 && text.charCodeAt(from + 15) === 46 /* . */ && inCachedMinute(text, from)) {
    const secondsAndMillis = digits(text, from + 13, 2) * 1000 + digits(text, from + 16, 3);
    if (!Number.isNaN(secondsAndMillis)) return cachedMinuteAt + secondsAndMillis;
  }
  return readTimestamp(text, from);
}

function readTimestamp(text: string, from: number): number {
  if (text.length < from + 20 || text.charCodeAt(from + 8) !== 84 /* T */ || text.charCodeAt(from + 15) !== 46 /* . */)
    return Number.NaN;
  const minute = digits(text, from + 11, 2);
  const second = digits(text, from + 13, 2);
  const milli = digits(text, from + 16, 3);
  const minuteStart = hourStart(text, from) + minute * 60_000;
  const local = minuteStart + second * 1000 + milli;
  const sign = text.charCodeAt(from + 19);
  if (sign === 90 /* Z */) {
    remember(text, from, 1, minuteStart, local);
    return local;
  }
  if (sign !== 43 /* + */ && sign !== 45 /* - */) return Number.NaN;
  const offsetHours = digits(text, from + 20, 2);
  const colon = text.charCodeAt(from + 22) === 58 ? 1 : 0;
  const offsetMinutes = digits(text, from + 22 + colon, 2);
  const offset = (offsetHours * 60 + offsetMinutes) * 60_000;
  const instant = sign === 43 ? local - offset : local + offset;
  remember(text, from, 5 + colon, sign === 43 ? minuteStart - offset : minuteStart + offset, instant);
  return instant;
}

/** Keeps the minute and zone of a timestamp read in full, when it was one (`instant` is not NaN). */
function remember(text: string, from: number, zoneLength: number, minuteAt: number, instant: number): void {
  if (Number.isNaN(instant) || Number.isNaN(minuteAt)) return;
  for (let index = 0; index < MINUTE_LENGTH; index++) cachedMinute[index] = text.charCodeAt(from + index);
  for (let index = 0; index < zoneLength; index++) cachedZone[index] = text.charCodeAt(from + 19 + index);
  cachedZoneLength = zoneLength;
  cachedMinuteAt = minuteAt;
}

/** The first Qlik timestamp anywhere in a line (rows whose TABs were lost), as epoch milliseconds or NaN. */
export function findQlikTimestamp(text: string): number {
  const match = QLIK_TIMESTAMP_PATTERN.exec(text);
  return match === null ? Number.NaN : parseQlikTimestamp(text, match.index);
}
