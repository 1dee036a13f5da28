import { describe, expect, it } from 'vitest';
import { peakParallel } from '../../support/peak-parallel.js';

const NaN_ = Number.NaN;

describe('peakParallel', () => {
  it.for([
    { name: 'no sessions', spans: [], peak: 0, peakAt: NaN_ },
    { name: 'one session', spans: [{ opened: 10, closed: 20 }], peak: 1, peakAt: 10 },
    {
      name: 'overlapping',
      spans: [
        { opened: 10, closed: 30 },
        { opened: 20, closed: 40 },
        { opened: 25, closed: 26 },
      ],
      peak: 3,
      peakAt: 25,
    },
    {
      name: 'one ends as the next starts',
      spans: [
        { opened: 10, closed: 20 },
        { opened: 20, closed: 30 },
      ],
      peak: 1,
      peakAt: 10,
    },
    {
      name: 'still open at the end',
      spans: [
        { opened: 10, closed: NaN_ },
        { opened: 50, closed: NaN_ },
      ],
      peak: 2,
      peakAt: 50,
    },
    {
      name: 'opened before the excerpt',
      spans: [
        { opened: NaN_, closed: 15 },
        { opened: NaN_, closed: 40 },
        { opened: 30, closed: 35 },
      ],
      peak: 2,
      peakAt: Number.NEGATIVE_INFINITY,
    },
    {
      name: 'unsorted input',
      spans: [
        { opened: 40, closed: 60 },
        { opened: 10, closed: 50 },
        { opened: 45, closed: 46 },
      ],
      peak: 3,
      peakAt: 45,
    },
  ])('$name', ({ spans, peak, peakAt }) => {
    expect(peakParallel(spans)).toEqual({ peak, peakAt });
  });
});
