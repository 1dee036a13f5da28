import type { LogEvent } from './log-event.js';

/** Events without a time (the Message column alone) remembered to drop repeats; a flood of them stays bounded. */
const MAX_UNTIMED = 100_000;

function sameEvent(a: LogEvent, b: LogEvent): boolean {
  if (a.kind !== b.kind) return false;
  const left = a as unknown as Record<string, unknown>;
  const right = b as unknown as Record<string, unknown>;
  // Events of one instant mostly name different sessions: that settles it before the walk over every field.
  if (left['sessionId'] !== right['sessionId']) return false;
  for (const key in left) {
    const value = left[key];
    if (value !== right[key] && !(Number.isNaN(value) && Number.isNaN(right[key]))) return false;
  }
  return true;
}

/**
 * The same line given twice (a file given twice, overlapping excerpts, a paste posted again) makes the same event
 * at the same instant: it counts once. Events arrive in time order, so only those of the current instant are kept.
 */
export class EventDedup {
  private instant = Number.NaN;
  /** The events of the current instant: the first `count` entries (the array is reused, never emptied). */
  private readonly atInstant: LogEvent[] = [];
  private count = 0;
  private readonly untimed = new Set<string>();

  isRepeat(key: number, event: LogEvent): boolean {
    if ('at' in event && Number.isNaN(event.at)) {
      const id = JSON.stringify(event, (_, value: unknown) =>
        typeof value === 'number' && Number.isNaN(value) ? 'NaN' : value,
      );
      if (this.untimed.has(id)) return true;
      if (this.untimed.size < MAX_UNTIMED) this.untimed.add(id);
      return false;
    }
    if (key !== this.instant) {
      // Nearly every event has an instant of its own: the array keeps its space (emptying it would free it, and the
      // next event would allocate it again), and the events it holds are overwritten.
      this.instant = key;
      // Beyond the first, the last instant's events are let go: none of them keeps its line alive here.
      if (this.count > 1) this.atInstant.length = 1;
      this.count = 0;
    } else {
      for (let index = 0; index < this.count; index++)
        if (sameEvent(this.atInstant[index] as LogEvent, event)) return true;
    }
    this.atInstant[this.count++] = event;
    return false;
  }
}
