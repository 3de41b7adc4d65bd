import { z } from 'zod';
import { EARLIEST_INSTANT, isQueryTimeInRange, LATEST_QUERY_INSTANT } from '../values/time.js';

const DAY_MS = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * An unencoded `+` in a query string arrives as a space (`…T10:00:00 01:00`); read it as the
 * `+` the caller meant, since an offset is never written with a space.
 */
const plusRestored = (value: unknown) => (typeof value === 'string' ? value.replace(/ (\d{2}(:?\d{2})?)$/, '+$1') : value);

/** Query times lie within the contract's bounds (docs/api.md, "Time bounds"); year 0000 or 9999 is a 400, never a database error. */
export const QUERY_TIME_BOUNDS = `must lie from ${EARLIEST_INSTANT} to before ${LATEST_QUERY_INSTANT}`;

const instantOrDate = z.preprocess(
  plusRestored,
  z
    .union([z.iso.date(), z.iso.datetime({ offset: true })], {
      error: 'must be a time with offset (e.g. 2026-05-01T10:00:00+02:00) or a date YYYY-MM-DD',
    })
    // Only once it is a time (zod runs refinements on a failed format too), so a malformed one gets one message.
    .refine((v) => Number.isNaN(Date.parse(v)) || isQueryTimeInRange(v), QUERY_TIME_BOUNDS),
);

/**
 * `?from=&to=` over recorded times: `from` inclusive, `to` exclusive for a time; a date is a
 * whole UTC day, so `to=2026-05-31` includes the 31st. Both come out as ISO instants in UTC.
 */
export const timeWindowParams = {
  from: instantOrDate.transform((v) => new Date(Date.parse(v)).toISOString()).optional(),
  to: instantOrDate.transform((v) => new Date(Date.parse(v) + (DATE.test(v) ? DAY_MS : 0)).toISOString()).optional(),
};

export const checkTimeWindow = <T extends { from?: string; to?: string }>(schema: z.ZodType<T>) =>
  schema.refine((p) => !p.from || !p.to || p.from < p.to, { message: 'from must be before to', path: ['from'] });

/** `?after=<cursor>&limit=<1–1000, default 100>`: pages by a position or id, never by OFFSET. */
export const pageParams = {
  after: z.string().regex(/^\d{1,15}$/, 'must be a cursor from `next` (a whole number)').transform(Number).optional(),
  limit: z
    .string()
    .regex(/^\d{1,4}$/, 'must be a whole number 1–1000')
    .transform(Number)
    .refine((n) => n >= 1 && n <= 1000, 'must be a whole number 1–1000')
    .default(100),
};

export const TIME_WINDOW_DOC = {
  from: 'recorded at or after this time (ISO-8601 with offset) or date (YYYY-MM-DD, start of that UTC day)',
  to: 'recorded before this time (exclusive), or up to and including this date (UTC day)',
  after: 'the `next` of the previous page',
  limit: '1–1000, default 100',
} as const;
