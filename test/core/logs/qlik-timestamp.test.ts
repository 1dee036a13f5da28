import { describe, expect, it } from 'vitest';
import { findQlikTimestamp, parseQlikTimestamp } from '../../../src/core/logs/index.js';

describe('parseQlikTimestamp', () => {
  it.for([
    { text: '20190201T045901.569+0100', iso: '2019-02-01T03:59:01.569Z' },
    { text: '20190201T045901.569+01:00', iso: '2019-02-01T03:59:01.569Z' },
    { text: '20190201T035907.336Z', iso: '2019-02-01T03:59:07.336Z' },
    { text: '20240312T030200.000-0500', iso: '2024-03-12T08:02:00.000Z' },
    { text: '20240312T233000.000-0930', iso: '2024-03-13T09:00:00.000Z' },
  ])('reads $text as $iso', ({ text, iso }) => {
    expect(new Date(parseQlikTimestamp(text)).toISOString()).toBe(iso);
  });

  it.for(['', '2019-02-01T04:59:01Z', '20190201T0459', 'Timestamp', '20190201T045901.569 0100'])(
    'gives NaN for %j',
    (text) => {
      expect(parseQlikTimestamp(text)).toBeNaN();
    },
  );

  it('reads each timestamp alike whatever was read before it (the minute and zone of the last one are kept)', () => {
    const expected: Record<string, number> = {
      '20190201T045901.569+0100': Date.UTC(2019, 1, 1, 3, 59, 1, 569),
      '20190201T045902.001+0100': Date.UTC(2019, 1, 1, 3, 59, 2, 1),
      '20190201T045902.001+01:00': Date.UTC(2019, 1, 1, 3, 59, 2, 1),
      '20190201T045902.001Z': Date.UTC(2019, 1, 1, 4, 59, 2, 1),
      '20190201T045902.001-0100': Date.UTC(2019, 1, 1, 5, 59, 2, 1),
      '20190201T045959.999+0100': Date.UTC(2019, 1, 1, 3, 59, 59, 999),
      '20190201T050000.000+0100': Date.UTC(2019, 1, 1, 4, 0, 0, 0),
      '20190201T0459x2.001+0100': Number.NaN,
      '20190201T045902,001+0100': Number.NaN,
      '20190201T045902.001+01': Number.NaN,
      '20190201T045902.001': Number.NaN,
    };
    const texts = Object.keys(expected);
    // Every order of two: each text read straight after every other, and again after itself.
    for (const before of texts)
      for (const text of texts) {
        parseQlikTimestamp(before);
        expect(parseQlikTimestamp(`x ${text}`, 2), `${text} after ${before}`).toBe(expected[text]);
        expect(parseQlikTimestamp(text), `${text} again`).toBe(expected[text]);
      }
  });

  it('finds the first timestamp inside a row whose TABs became spaces', () => {
    expect(new Date(findQlikTimestamp('124 11.41.1.0 20190201T045901.524+0100 QlikServer1')).toISOString()).toBe(
      '2019-02-01T03:59:01.524Z',
    );
    expect(findQlikTimestamp('no time here')).toBeNaN();
  });
});
