import { z } from 'zod';
import { ValidationFailed } from '../errors/validation-failed.error.js';
import { isReplay } from './view-time.js';
import { checkPeriod, checkViewTime, periodOf, periodParams, viewTimeOf } from './query-params.js';

const params = checkViewTime(checkPeriod(z.strictObject(periodParams)));
const problems = (query: Record<string, string>) => {
  const result = params.safeParse(query);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('view query parameters', () => {
  it('reads live (with or without minPosition), asOf or asOfPosition', () => {
    expect(viewTimeOf(params.parse({}))).toEqual({ minPosition: undefined });
    expect(viewTimeOf(params.parse({ minPosition: '7' }))).toEqual({ minPosition: 7 });
    expect(viewTimeOf(params.parse({ asOf: '2026-03-01T12:00:00+01:00' }))).toEqual({ asOf: '2026-03-01T12:00:00+01:00' });
    expect(viewTimeOf(params.parse({ asOf: '2026-03-01T11:00:00.123Z' }))).toEqual({ asOf: '2026-03-01T11:00:00.123Z' });
    expect(viewTimeOf(params.parse({ asOfPosition: '0' }))).toEqual({ asOfPosition: 0 });
  });

  it('tells a replay (asOf or asOfPosition, even 0) from a live read', () => {
    expect(isReplay(viewTimeOf(params.parse({ asOf: '2026-03-01T12:00:00Z' })))).toBe(true);
    expect(isReplay(viewTimeOf(params.parse({ asOfPosition: '0' })))).toBe(true);
    expect(isReplay(viewTimeOf(params.parse({ minPosition: '7' })))).toBe(false);
    expect(isReplay(viewTimeOf(params.parse({})))).toBe(false);
  });

  it('refuses asOf together with asOfPosition, and either with minPosition', () => {
    expect(problems({ asOf: '2026-03-01T12:00:00Z', asOfPosition: '3' })).toEqual(['asOfPosition: give asOf or asOfPosition, not both']);
    expect(problems({ asOfPosition: '3', minPosition: '3' })).toEqual([
      expect.stringMatching(/^minPosition: does not go with asOf or asOfPosition/),
    ]);
    expect(problems({ asOf: '2026-03-01T12:00:00Z', minPosition: '3' })).toHaveLength(1);
  });

  it('refuses a time without offset, a date, a malformed time and a negative or fractional position', () => {
    expect(problems({ asOf: '2026-03-01T12:00:00' })).toEqual([expect.stringMatching(/^asOf: must be an ISO-8601 time with offset/)]);
    expect(problems({ asOf: '2026-03-01' })).toHaveLength(1);
    expect(problems({ asOf: 'yesterday' })).toHaveLength(1);
    expect(problems({ asOf: '2026-02-30T12:00:00Z' })).toHaveLength(1);
    expect(problems({ asOfPosition: '-1' })).toHaveLength(1);
    expect(problems({ asOfPosition: '1.5' })).toHaveLength(1);
  });

  it('refuses periods and asOf outside the time bounds, naming them (issue 12)', () => {
    expect(problems({ from: '0000-01', to: '9999-12' })).toEqual([
      'from: must be a month from 2000-01 to 2099-12',
      'to: must be a month from 2000-01 to 2099-12',
    ]);
    expect(problems({ asOf: '0999-06-15T12:00:00+00:00' })).toEqual(['asOf: must not be before 2000-01-01T00:00:00.000Z']);
    expect(problems({ asOf: '9999-12-31T00:00:00Z' })).toEqual(['asOf: must be before 2100-01-01T00:00:00.000Z']);
    expect(problems({ asOf: '2100-01-01T00:00:00Z' })).toEqual(['asOf: must be before 2100-01-01T00:00:00.000Z']);
    expect(problems({ asOf: '2099-12-31T23:59:59.999Z' })).toEqual([]);
    expect(problems({ asOfPosition: '99999999999999999999' })).toHaveLength(1);
    expect(problems({ from: '2000-01', to: '2099-12' })).toEqual([]);
  });

  it('refuses a period whose from comes after its to, and takes one of a single month', () => {
    expect(problems({ from: '2026-05', to: '2026-04' })).toEqual(['from: from must not be after to']);
    expect(problems({ from: '2026-04', to: '2026-04' })).toEqual([]);
  });

  it('refuses a month with anything before or after YYYY-MM, even where it still sorts within the bounds', () => {
    expect(problems({ from: '2026-031' })).toEqual(['from: must be a month YYYY-MM']);
    expect(problems({ to: '20502026-03' })).toEqual(['to: must be a month YYYY-MM']);
    expect(problems({ from: '2026-00' })).toEqual(['from: must be a month YYYY-MM']);
    expect(problems({ to: '2026-13' })).toEqual(['to: must be a month YYYY-MM']);
  });

  it('defaults the period to the 12 months up to the one now falls in', () => {
    expect(periodOf({}, '2026-03-01T00:30:00.000Z')).toEqual({ from: '2025-04', to: '2026-03' });
    expect(periodOf({ to: '2026-01' }, '2026-03-01T00:30:00.000Z')).toEqual({ from: '2025-02', to: '2026-01' });
  });

  it('refuses a from after to, also after to was defaulted to the month of now', () => {
    const now = '2026-03-01T00:30:00.000Z';
    expect(() => periodOf({ from: '2026-05', to: '2026-04' }, now)).toThrow(ValidationFailed);
    expect(() => periodOf({ from: '2026-04' }, now)).toThrow(
      expect.objectContaining({ violations: [{ path: 'from', message: expect.stringContaining('must not be after to (2026-03') }] }),
    );
  });
});
