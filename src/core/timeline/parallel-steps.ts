import type { ChartSession } from './chart-timeline.js';

export interface Step {
  readonly at: number;
  /** Sessions open from `at` until the next step. */
  readonly open: number;
}

/** How many of the sessions were open at each instant: a step function, one point per change. */
export function parallelSteps(sessions: readonly ChartSession[]): Step[] {
  const changes: { at: number; by: number }[] = [];
  for (const session of sessions) {
    const start = session.start.getTime();
    const end = Math.max(start, session.end.getTime());
    changes.push({ at: start, by: 1 }, { at: end, by: -1 });
  }
  // A session that ends at the instant another starts is not open beside it: ends first.
  changes.sort((a, b) => a.at - b.at || a.by - b.by);
  const steps: Step[] = [];
  let open = 0;
  for (const change of changes) {
    open += change.by;
    const last = steps[steps.length - 1];
    if (last !== undefined && last.at === change.at) steps[steps.length - 1] = { at: change.at, open };
    else steps.push({ at: change.at, open });
  }
  return steps;
}
