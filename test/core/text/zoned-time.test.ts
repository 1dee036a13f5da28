import { describe, expect, it } from 'vitest';
import { isTimeZone, zonedTime } from '../../../src/core/text/index.js';

const AT = new Date('2024-03-12T08:08:47.120Z');

describe('zonedTime', () => {
  it('formats in UTC by default', () => {
    const utc = zonedTime();
    expect(utc.instant(AT)).toBe('2024-03-12 08:08:47 UTC');
    expect(utc.clock(AT)).toBe('08:08');
    expect(utc.day(AT)).toBe('2024-03-12');
  });

  it('formats in the site zone, with its abbreviation, across the summer-time change', () => {
    const berlin = zonedTime('Europe/Berlin');
    expect(berlin.instant(AT)).toBe('2024-03-12 09:08:47 CET');
    expect(berlin.instant(new Date('2024-07-01T22:30:00Z'))).toBe('2024-07-02 00:30:00 CEST');
    expect(berlin.clock(AT, true)).toBe('09:08:47');
    expect(berlin.day(new Date('2024-07-01T22:30:00Z'))).toBe('2024-07-02');
  });

  it('knows the offset from UTC, for ticks on local hours', () => {
    expect(zonedTime().offsetMinutes(AT)).toBe(0);
    expect(zonedTime('Europe/Berlin').offsetMinutes(AT)).toBe(60);
    expect(zonedTime('Asia/Kolkata').offsetMinutes(AT)).toBe(330);
    expect(zonedTime('America/New_York').offsetMinutes(AT)).toBe(-240);
  });

  it('says so for an unknown instant instead of printing NaN', () => {
    expect(zonedTime().instant(Number.NaN)).toBe('an unknown time');
  });

  it('knows IANA names and refuses others', () => {
    expect(isTimeZone('America/New_York')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(zonedTime('Mars/Olympus').timeZone).toBe('UTC');
  });
});
