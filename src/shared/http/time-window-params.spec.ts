import { z } from 'zod';
import { ValidationFailed } from '../errors/validation-failed.error.js';
import { checkTimeWindow, pageParams, timeWindowParams } from './time-window-params.js';
import { ZodValidationPipe } from './zod-validation.pipe.js';

const pipe = new ZodValidationPipe(checkTimeWindow(z.strictObject({ ...timeWindowParams, ...pageParams })));
const violations = (query: Record<string, string>) => {
  try {
    pipe.transform(query);
    return [];
  } catch (error) {
    return (error as ValidationFailed).violations.map((v) => v.path).sort();
  }
};

describe('time window and page parameters', () => {
  it('reads times with an offset as UTC instants, to exclusive', () => {
    expect(pipe.transform({ from: '2026-05-01T10:00:00+02:00', to: '2026-05-01T09:00:00.5Z' })).toEqual({
      from: '2026-05-01T08:00:00.000Z', to: '2026-05-01T09:00:00.500Z', limit: 100,
    });
  });

  it('reads a date as a whole UTC day: to includes that day', () => {
    expect(pipe.transform({ from: '2026-05-01', to: '2026-05-31' })).toMatchObject({ from: '2026-05-01T00:00:00.000Z', to: '2026-06-01T00:00:00.000Z' });
  });

  it('refuses times out of the bounds, naming them, rather than letting the database fail (issue 12)', () => {
    for (const query of <Record<string, string>[]>[{ from: '0000-01-01' }, { to: '9999-12-31' }, { from: '0000-01-01T00:00:00Z' }, { to: '2100-01-01' }, { from: '1999-12-31T23:59:59Z' }]) {
      expect(() => pipe.transform(query)).toThrow(ValidationFailed);
      expect(violations(query)).toEqual(Object.keys(query));
    }
    try {
      pipe.transform({ from: '0000-01-01', to: '9999-12-31T00:00:00Z' });
    } catch (error) {
      expect((error as ValidationFailed).violations.map((v) => v.message)).toEqual([
        'must lie from 2000-01-01T00:00:00.000Z to before 2100-01-01T00:00:00.000Z',
        'must lie from 2000-01-01T00:00:00.000Z to before 2100-01-01T00:00:00.000Z',
      ]);
    }
    expect(pipe.transform({ from: '2000-01-01', to: '2099-12-30' })).toMatchObject({ to: '2099-12-31T00:00:00.000Z' });
  });

  it('reads an offset whose + arrived as a space (unencoded in the URL)', () => {
    expect(pipe.transform({ from: '2026-05-01T10:00:00 02:00' })).toMatchObject({ from: '2026-05-01T08:00:00.000Z' });
  });

  it('takes a cursor and a limit of 1–1000', () => {
    expect(pipe.transform({ after: '42', limit: '1000' })).toEqual({ after: 42, limit: 1000 });
    expect(violations({ limit: '0' })).toEqual(['limit']);
    expect(violations({ limit: '1001' })).toEqual(['limit']);
    expect(violations({ limit: '1.5', after: '-1' })).toEqual(['after', 'limit']);
  });

  it('refuses times without an offset, non-dates, from not before to, and unknown parameters, all at once', () => {
    expect(violations({ from: '2026-05-01T10:00:00', to: '2026-02-30', colour: 'blue' })).toEqual(['colour', 'from', 'to']);
    expect(violations({ from: '2026-05-02', to: '2026-05-01' })).toEqual(['from']);
  });
});
