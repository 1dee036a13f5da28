import { togglesFence } from './group-lines.js';

/** Timers, injected so tests can fire them by hand instead of waiting. */
export interface Scheduler {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const realScheduler: Scheduler = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Lines a terminal delivers within this many ms of each other came from one paste, not from typing. */
export const PASTE_QUIET_MS = 25;

export interface PasteCollector {
  push(line: string): void;
  /** End of input: hands over whatever is still collected. */
  finish(): void;
}

/**
 * On a terminal, a multi-line paste arrives as one message: lines that come together, and everything between an
 * opening ``` and its closing fence however long that takes to type.
 */
export function createPasteCollector(
  onMessage: (text: string) => void,
  scheduler: Scheduler = realScheduler,
  quietMs = PASTE_QUIET_MS,
): PasteCollector {
  let lines: string[] = [];
  let fenceOpen = false;
  let timer: unknown = null;

  const emit = () => {
    timer = null;
    const text = lines.join('\n').trim();
    lines = [];
    fenceOpen = false;
    onMessage(text);
  };

  return {
    push(line: string): void {
      lines.push(line);
      if (togglesFence(line)) fenceOpen = !fenceOpen;
      if (timer !== null) scheduler.clear(timer);
      timer = null;
      if (!fenceOpen) timer = scheduler.set(emit, quietMs);
    },
    finish(): void {
      if (timer !== null) scheduler.clear(timer);
      if (lines.length > 0) emit();
    },
  };
}
