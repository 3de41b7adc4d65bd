import { monthOf, monthsBetween } from './months.js';

describe('months', () => {
  it('spells years below 1000 with four digits, as monthOf does (issue 12: "m|0999-06|0314")', () => {
    expect(monthsBetween('0999-11', '1000-01')).toEqual(['0999-11', '0999-12', '1000-01']);
    expect(monthsBetween(monthOf('0999-06-15T12:00:00Z'), monthOf('0999-07-01T00:00:00Z'))).toEqual(['0999-06', '0999-07']);
  });

  it('lists every month from one to another, across a year end', () => {
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-03', '2026-02')).toEqual([]);
  });
});
