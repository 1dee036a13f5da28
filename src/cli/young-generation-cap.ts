import { PerformanceObserver } from 'node:perf_hooks';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';

/**
 * The most V8's space for new objects (both semi-spaces) grows to in a one-shot analysis. V8 doubles it from 1 MB
 * up to 32 MB while many new objects survive (an analysis's open sessions do); 16 MB collects as cheaply (CPU level
 * within noise on the 20,000-user folder, 300 MB and 1 GB, as `--max-semi-space-size=8` was) and keeps the peak
 * about 20 MB lower. The analysis workers of `serve` get the same through `resourceLimits`; a one-shot command has
 * no such option once it runs, and a flag on `node` is not portable through the `bin` shims.
 */
export const NEW_SPACE_CAP_BYTES = 16 * 1024 * 1024;

let capped = false;

/**
 * Stops the new space growing once it has reached the cap: the growth factor is read each time V8 grows it, so
 * setting it to 1 at run time holds the space where it is. Checked after each collection until then, and only in a
 * process of one analysis: the flag is process-wide, and a worker's new space (which starts at 1 MB) would stay
 * there.
 */
export function capYoungGeneration(): void {
  if (capped) return;
  capped = true;
  const observer = new PerformanceObserver(() => {
    const newSpace = getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');
    if (newSpace === undefined || newSpace.space_size < NEW_SPACE_CAP_BYTES) return;
    setFlagsFromString('--semi-space-growth-factor=1');
    observer.disconnect();
  });
  observer.observe({ entryTypes: ['gc'] });
}
