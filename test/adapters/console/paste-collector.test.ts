import { describe, expect, it } from 'vitest';
import { createPasteCollector, type Scheduler } from '../../../src/adapters/console/paste-collector.js';

/** Timers fired by hand: `fire()` is "the terminal went quiet". */
function manualScheduler(): Scheduler & { fire: () => void; pending: () => number } {
  const timers = new Map<number, () => void>();
  let next = 0;
  return {
    set: (callback) => {
      next += 1;
      timers.set(next, callback);
      return next;
    },
    clear: (handle) => timers.delete(handle as number),
    fire: () => {
      const due = [...timers.values()];
      timers.clear();
      for (const callback of due) callback();
    },
    pending: () => timers.size,
  };
}

describe('createPasteCollector', () => {
  it('turns lines that arrive together into one message', () => {
    const scheduler = manualScheduler();
    const messages: string[] = [];
    const collector = createPasteCollector((text) => messages.push(text), scheduler);
    collector.push('why?');
    collector.push('line 1');
    collector.push('line 2');
    expect(messages).toEqual([]);
    scheduler.fire();
    collector.push('help');
    scheduler.fire();
    expect(messages).toEqual(['why?\nline 1\nline 2', 'help']);
  });

  it('waits for the closing fence however long the pause', () => {
    const scheduler = manualScheduler();
    const messages: string[] = [];
    const collector = createPasteCollector((text) => messages.push(text), scheduler);
    collector.push('```');
    scheduler.fire();
    collector.push('line 1');
    scheduler.fire();
    expect(messages).toEqual([]);
    expect(scheduler.pending()).toBe(0);
    collector.push('```');
    scheduler.fire();
    expect(messages).toEqual(['```\nline 1\n```']);
  });

  it('hands over what is left at the end of input, once', () => {
    const scheduler = manualScheduler();
    const messages: string[] = [];
    const collector = createPasteCollector((text) => messages.push(text), scheduler);
    collector.push('```');
    collector.push('unfinished');
    collector.finish();
    collector.finish();
    expect(messages).toEqual(['```\nunfinished']);
  });

  it('passes an empty line on as an empty message so the prompt comes back', () => {
    const scheduler = manualScheduler();
    const messages: string[] = [];
    const collector = createPasteCollector((text) => messages.push(text), scheduler);
    collector.push('   ');
    scheduler.fire();
    expect(messages).toEqual(['']);
  });
});
