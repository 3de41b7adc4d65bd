import { InvalidOccurredAt, OccurredInTheFuture, OccurredTooEarly, StartDateOutOfRange } from './value.errors.js';

/** How far ahead of the server's clock `occurredAt` may lie (clock skew, not planning). */
export const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

/**
 * The earliest time (and date) a command may carry (docs/api.md, "Time bounds"). Nothing this
 * service records happened before it, and every view keys months as four-digit years from here on.
 */
export const EARLIEST_INSTANT = '2000-01-01T00:00:00.000Z';
export const EARLIEST_DATE = EARLIEST_INSTANT.slice(0, 10);

/** How far after the server's "now" a placement may start (a job agreed today that starts later). */
export const START_DATE_HORIZON_DAYS = 366;

/**
 * The latest time a query may name (`to`, a period's end): far enough ahead to mean "everything",
 * near enough that adding a day or a month never leaves what PostgreSQL and ISO strings can hold.
 */
export const LATEST_QUERY_INSTANT = '2100-01-01T00:00:00.000Z';

/** Whether a query time lies within [EARLIEST_INSTANT, LATEST_QUERY_INSTANT). */
export const isQueryTimeInRange = (instant: string): boolean => {
  const ms = Date.parse(instant);
  return ms >= Date.parse(EARLIEST_INSTANT) && ms < Date.parse(LATEST_QUERY_INSTANT);
};

export const isTooEarly = (instant: string): boolean => Date.parse(instant) < Date.parse(EARLIEST_INSTANT);

export const isTooFarInTheFuture = (occurredAt: string, now: string): boolean =>
  Date.parse(occurredAt) > Date.parse(now) + FUTURE_TOLERANCE_MS;

/**
 * The rule every command's `occurredAt` obeys: a real instant, not before 2000-01-01T00:00:00Z and
 * at most 5 minutes after `now`. Late registration (back to that bound) is normal and allowed.
 */
export function assertOccurredAt(occurredAt: string, now: string): void {
  if (Number.isNaN(Date.parse(occurredAt))) throw new InvalidOccurredAt();
  if (isTooEarly(occurredAt)) throw new OccurredTooEarly();
  if (isTooFarInTheFuture(occurredAt, now)) throw new OccurredInTheFuture();
}

/** A date (`YYYY-MM-DD`) from 2000-01-01 up to a year after `now`: a placement's start date. */
export const isStartDateInRange = (date: string, now: string): boolean => {
  const day = Date.parse(`${date}T00:00:00Z`);
  return !Number.isNaN(day) && date >= EARLIEST_DATE && day <= Date.parse(now) + START_DATE_HORIZON_DAYS * 86_400_000;
};

export function assertStartDate(startDate: string, now: string): void {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(startDate) || !isStartDateInRange(startDate, now)) throw new StartDateOutOfRange();
}

/** Compares instants, not strings: `…T12:00+02:00` is before `…T11:00Z`. */
export const isBefore = (a: string, b: string): boolean => Date.parse(a) < Date.parse(b);

/** The later of two instants; the first one when there is no second. */
export const latest = (a: string, b: string | undefined): string => (b === undefined || isBefore(b, a) ? a : b);

/** Whole days from one instant to another (placement speed). */
export const daysBetween = (from: string, to: string): number =>
  Math.floor((Date.parse(to) - Date.parse(from)) / 86_400_000);

/**
 * An instant in UTC (`…Z`). Views keep instants this way so that ordering them as strings is
 * ordering them in time: `occurredAt` keeps the offset the advisor gave (`+01:00`, `Z`, …).
 */
export const toUtc = (instant: string): string => new Date(Date.parse(instant)).toISOString();
