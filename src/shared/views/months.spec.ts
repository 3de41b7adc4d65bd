import { addDays, decrement, increment, median, monthOf, monthsBetween, ratio } from './months.js';

/** The contract's rules for rounding and medians (docs/api.md, "Definitions"). */
describe('figures of the views', () => {
  it('rounds contactsPerAdvisor to 2 decimals, a half up, also where binary floating point would round it down', () => {
    expect(ratio(201, 200, 2)).toBe(1.01); // 1.005
    expect(ratio(3, 8, 2)).toBe(0.38); // 0.375
    expect(ratio(1, 3, 2)).toBe(0.33);
    expect(ratio(2, 3, 2)).toBe(0.67);
    expect(ratio(7, 0, 2)).toBe(0);
  });

  it('rounds placementRate to 3 decimals, a half up; 0 when there is nothing to divide by', () => {
    expect(ratio(69, 108)).toBe(0.639);
    expect(ratio(1001, 2000)).toBe(0.501); // 0.5005
    expect(ratio(1, 16)).toBe(0.063); // 0.0625
    expect(ratio(2, 3)).toBe(0.667);
    expect(ratio(0, 0)).toBe(0);
  });

  it('takes the middle value of an odd count, the mean of the middle two of an even one, and null of none', () => {
    expect(median([40, 10, 20])).toBe(20);
    expect(median([40, 10, 20, 31])).toBe(25.5);
    expect(median([3, 1])).toBe(2);
    expect(median([])).toBeNull();
  });

  it('lists every month of a period, both ends included, across a year end', () => {
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-03', '2026-03')).toEqual(['2026-03']);
  });
});

describe('months', () => {
  it('spells years below 1000 with four digits, as monthOf does (issue 12: "m|0999-06|0314")', () => {
    expect(monthsBetween('0999-11', '1000-01')).toEqual(['0999-11', '0999-12', '1000-01']);
    expect(monthsBetween(monthOf('0999-06-15T12:00:00Z'), monthOf('0999-07-01T00:00:00Z'))).toEqual(['0999-06', '0999-07']);
  });

  it('lists every month from one to another, across a year end', () => {
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-03', '2026-02')).toEqual([]);
  });

  it('lists at most 1200 months, the longest period the parameters allow', () => {
    const months = monthsBetween('2000-01', '9999-12');
    expect(months).toHaveLength(1200);
    expect(months.at(-1)).toBe('2099-12');
  });

  it('counts up and takes back, a key with nothing left gone as if never counted (corrections)', () => {
    const counts: Record<string, number> = {};
    increment(counts, 'PHONE');
    increment(counts, 'PHONE');
    increment(counts, 'VISIT', 3);
    expect(counts).toEqual({ PHONE: 2, VISIT: 3 });
    decrement(counts, 'PHONE');
    expect(counts).toEqual({ PHONE: 1, VISIT: 3 });
    decrement(counts, 'PHONE');
    decrement(counts, 'EMAIL');
    expect(counts).toEqual({ VISIT: 3 });
  });

  it('moves an instant by whole days, back or forth, across a month end', () => {
    expect(addDays('2026-03-30T10:15:00.000Z', 3)).toBe('2026-04-02T10:15:00.000Z');
    expect(addDays('2026-03-01T00:00:00.000Z', -90)).toBe('2025-12-01T00:00:00.000Z');
  });
});
