import { daysBetween } from './time.js';

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
