import { z } from 'zod';
import { EARLIEST_INSTANT, isTooEarly, LATEST_QUERY_INSTANT } from '../values/time.js';
import type { ViewTime } from './view-time.js';

const FIRST_MONTH = EARLIEST_INSTANT.slice(0, 7);
const LAST_MONTH = '2099-12';

/** Periods lie within the contract's time bounds (docs/api.md): month keys then always have four-digit years. */
const month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM')
  .refine((m) => m >= FIRST_MONTH && m <= LAST_MONTH, `must be a month from ${FIRST_MONTH} to ${LAST_MONTH}`);
const position = z.coerce.number().int().min(0);

/**
 * When a view is read: live (`minPosition` waits for a write to show), or replayed as of a moment,
 * `asOf` (compared with events' `recordedAt`) or `asOfPosition` (a global position). One at a time:
 * see `checkViewTime`.
 */
export const viewTimeParams = {
  minPosition: position.optional(),
  asOf: z.iso
    .datetime({ offset: true, message: 'must be an ISO-8601 time with offset (encode + as %2B)' })
    .refine((v) => !isTooEarly(v), `must not be before ${EARLIEST_INSTANT}`)
    // The future bound (5 minutes) is the reader's (VIEW.AS_OF_IN_THE_FUTURE); this one keeps the year to four digits.
    .refine((v) => !(Date.parse(v) >= Date.parse(LATEST_QUERY_INSTANT)), `must be before ${LATEST_QUERY_INSTANT}`)
    .optional(),
  asOfPosition: position.optional(),
};

/** `?from=YYYY-MM&to=YYYY-MM` (default: the 12 months up to the current one, or the as-of one) and the view time. */
export const periodParams = {
  from: month.optional(),
  to: month.optional(),
  ...viewTimeParams,
};

/** The period asked for, defaulting to the 12 months up to the one `now` falls in. */
export function periodOf(params: { from?: string; to?: string }, now: string): { from: string; to: string } {
  const to = params.to ?? now.slice(0, 7);
  if (params.from) return { from: params.from, to };
  const [year, m] = to.split('-').map(Number) as [number, number];
  const start = new Date(Date.UTC(year, m - 12, 1)).toISOString().slice(0, 7);
  return { from: start, to };
}

export const checkPeriod = <T extends { from?: string; to?: string }>(schema: z.ZodType<T>) =>
  schema.refine((p) => !p.from || !p.to || p.from <= p.to, { message: 'from must not be after to', path: ['from'] });

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
      ctx.addIssue({ code: 'custom', path: ['minPosition'], message: 'does not go with asOf or asOfPosition (a replay waits for nothing)' });
    }
  });

/** The checked query's view time. */
export function viewTimeOf(query: ViewTimeQuery): ViewTime {
  if (query.asOf !== undefined) return { asOf: query.asOf };
  if (query.asOfPosition !== undefined) return { asOfPosition: query.asOfPosition };
  return { minPosition: query.minPosition };
}
