import { daysBetween, isCanonicalUtc, toUtc } from './time.js';

describe('days between two instants', () => {
  it('counts whole elapsed 24-hour periods, not calendar days, whatever the offsets', () => {
    expect(daysBetween('2026-03-01T10:00:00Z', '2026-03-02T09:59:59.999Z')).toBe(0);
    expect(daysBetween('2026-03-01T10:00:00Z', '2026-03-02T10:00:00Z')).toBe(1);
    expect(daysBetween('2026-03-01T23:30:00Z', '2026-03-02T00:30:00Z')).toBe(0); // another calendar day, one hour later
    expect(daysBetween('2026-03-01T10:00:00+01:00', '2026-03-31T09:00:00Z')).toBe(30);
    // Across the change to summer time in Norway (29 March 2026): still 24-hour periods.
    expect(daysBetween('2026-03-28T12:00:00+01:00', '2026-03-30T12:00:00+02:00')).toBe(1);
  });
});

describe('instants in UTC', () => {
  /** What `toUtc` gave before it had a short way: parse, then format. */
  const parsedAndFormatted = (instant: string) => new Date(Date.parse(instant)).toISOString();

  it('takes an instant already in the form toISOString gives as it is', () => {
    expect(isCanonicalUtc('2026-03-01T10:00:00.000Z')).toBe(true);
    expect(isCanonicalUtc('2024-02-29T23:59:59.999Z')).toBe(true);
    expect(toUtc('2026-03-01T10:00:00.000Z')).toBe('2026-03-01T10:00:00.000Z');
  });

  it('parses and formats every other form, and days or hours Date.parse moves on, exactly as before', () => {
    const others = [
      '2026-03-01T10:00:00Z',
      '2026-03-01T10:00:00.5Z',
      '2026-03-01T11:00:00.000+01:00',
      '2026-03-01T10:00:00.000z',
      '2024-02-30T10:00:00.000Z', // Date.parse makes it 1 March
      '2023-02-29T10:00:00.000Z',
      '2100-02-29T10:00:00.000Z', // not a leap year
      '2026-04-31T10:00:00.000Z',
      '2026-03-01T24:00:00.000Z', // the next midnight
      '2026-03-01T1a:00:00.000Z',
      '2026-03-01 10:00:00.000Z',
    ];
    for (const instant of others) {
      expect(isCanonicalUtc(instant)).toBe(false);
      if (!Number.isNaN(Date.parse(instant))) expect(toUtc(instant)).toBe(parsedAndFormatted(instant));
    }
    expect(toUtc('2024-02-30T10:00:00.000Z')).toBe('2024-03-01T10:00:00.000Z');
    expect(toUtc('2026-03-01T24:00:00.000Z')).toBe('2026-03-02T00:00:00.000Z');
  });

  it('gives what parsing and formatting gives for instants all through a leap year and common years', () => {
    for (const year of [2024, 2026, 2100]) {
      for (let day = Date.UTC(year, 0, 1); day < Date.UTC(year + 1, 0, 1); day += 3 * 86_400_000 + 3_723_001) {
        const instant = new Date(day).toISOString();
        expect(toUtc(instant)).toBe(instant);
        expect(isCanonicalUtc(instant)).toBe(true);
      }
    }
  });
});
