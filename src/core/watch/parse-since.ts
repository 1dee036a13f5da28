/** `2h`, `90m`, `1d`, `45s`, `1h30m`: how far back `why` reads. */
const PART = /(\d+(?:\.\d+)?)\s*(d|h|m|s)/gy;
const UNIT_MS = { d: 86_400_000, h: 3_600_000, m: 60_000, s: 1_000 } as const;
/** A week of logs is the most one question reads; older ones are in the Log Collector's archives. */
export const MAX_SINCE_MS = 7 * 86_400_000;
export const DEFAULT_SINCE_MS = 2 * 3_600_000;

export type SinceResult = { readonly ok: true; readonly ms: number } | { readonly ok: false; readonly error: string };

/** A duration as people type it; a bare number is hours. Errors say how to write it. */
export function parseSince(text: string): SinceResult {
  const trimmed = text.trim().toLowerCase();
  const bad: SinceResult = {
    ok: false,
    error: `"${text}" is not a time span; write it like 2h, 90m, 1d or 1h30m (at most 7d).`,
  };
  if (trimmed === '') return bad;
  let ms = 0;
  if (/^\d+(?:\.\d+)?$/.test(trimmed)) ms = Number(trimmed) * UNIT_MS.h;
  else {
    PART.lastIndex = 0;
    let end = 0;
    for (let match = PART.exec(trimmed); match !== null; match = PART.exec(trimmed)) {
      ms += Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
      end = PART.lastIndex;
    }
    if (end !== trimmed.length) return bad;
  }
  if (!(ms > 0)) return bad;
  if (ms > MAX_SINCE_MS)
    return {
      ok: false,
      error: `"${text}" is longer than 7 days; ask for at most 7d, or run qlik-sessions analyze on the archived logs.`,
    };
  return { ok: true, ms: Math.round(ms) };
}

/** `2h`, `90m`, `1d 2h`: a span as parseSince reads it, for headlines. */
export function formatSince(ms: number): string {
  const parts: string[] = [];
  let rest = Math.round(ms / 1000);
  for (const [unit, seconds] of [
    ['d', 86_400],
    ['h', 3_600],
    ['m', 60],
    ['s', 1],
  ] as const) {
    const count = Math.floor(rest / seconds);
    if (count > 0) parts.push(`${count}${unit}`);
    rest -= count * seconds;
  }
  return parts.length === 0 ? '0s' : parts.join(' ');
}
