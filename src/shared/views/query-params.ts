import { z } from 'zod';
import { ValidationFailed } from '../errors/validation-failed.error.js';
import type { ViewTime } from './view-time.js';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM');
const position = z.coerce.number().int().min(0);

/**
 * When a view is read: live (`minPosition` waits for a write to show), or replayed as of a moment,
 * `asOf` (compared with events' `recordedAt`) or `asOfPosition` (a global position). One at a time:
 * see `checkViewTime`.
 */
export const viewTimeParams = {
  minPosition: position.optional(),
  asOf: z.iso.datetime({ offset: true, message: 'must be an ISO-8601 time with offset (encode + as %2B)' }).optional(),
  asOfPosition: position.optional(),
};

/** `?from=YYYY-MM&to=YYYY-MM` (default: the 12 months up to the current one, or the as-of one) and the view time. */
export const periodParams = {
  from: month.optional(),
  to: month.optional(),
  ...viewTimeParams,
};

/** The most months a period may hold (100 years): a longer one is refused rather than answered cut short. */
export const MAX_PERIOD_MONTHS = 1200;

const monthNumber = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
const monthsIn = (from: string, to: string) => monthNumber(to) - monthNumber(from) + 1;
const TOO_LONG = `a period holds at most ${MAX_PERIOD_MONTHS} months`;

/**
 * The period asked for, defaulting to the 12 months up to the one `now` falls in (`to` to that
 * month, `from` to 11 months before `to`). Checked once the defaults are in: `from` after the
 * defaulted `to`, or a period over `MAX_PERIOD_MONTHS`, is a 400 like any other bad parameter.
 */
export function periodOf(params: { from?: string; to?: string }, now: string): { from: string; to: string } {
  const to = params.to ?? now.slice(0, 7);
  const [year, m] = to.split('-').map(Number) as [number, number];
  const from = params.from ?? new Date(Date.UTC(year, m - 12, 1)).toISOString().slice(0, 7);
  if (from > to) throw new ValidationFailed([{ path: 'from', message: `must not be after to (${to}: the month of now unless given)` }]);
  if (monthsIn(from, to) > MAX_PERIOD_MONTHS) throw new ValidationFailed([{ path: 'from', message: TOO_LONG }]);
  return { from, to };
}

export const checkPeriod = <T extends { from?: string; to?: string }>(schema: z.ZodType<T>) =>
  schema
    .refine((p) => !p.from || !p.to || p.from <= p.to, { message: 'from must not be after to', path: ['from'] })
    .refine((p) => !p.from || !p.to || p.from > p.to || monthsIn(p.from, p.to) <= MAX_PERIOD_MONTHS, { message: TOO_LONG, path: ['from'] });

type ViewTimeQuery = { minPosition?: number; asOf?: string; asOfPosition?: number };

/**
 * A replay has no live table to wait for, and one moment is all it can be as of: `asOf` with
 * `asOfPosition`, or either with `minPosition`, is a 400 rather than a guess at which one wins.
 */
export const checkViewTime = <T extends ViewTimeQuery>(schema: z.ZodType<T>) =>
  schema.superRefine((p, ctx) => {
    if (p.asOf !== undefined && p.asOfPosition !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['asOfPosition'], message: 'give asOf or asOfPosition, not both' });
    }
    if (p.minPosition !== undefined && (p.asOf !== undefined || p.asOfPosition !== undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['minPosition'],
        message: 'does not go with asOf or asOfPosition (a replay waits for nothing)',
      });
    }
  });

/** The checked query's view time. */
export function viewTimeOf(query: ViewTimeQuery): ViewTime {
  if (query.asOf !== undefined) return { asOf: query.asOf };
  if (query.asOfPosition !== undefined) return { asOfPosition: query.asOfPosition };
  return { minPosition: query.minPosition };
}
