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
export function assertOccurredAt(occurredAt: string, now: string, path = 'occurredAt'): void {
  if (Number.isNaN(Date.parse(occurredAt))) throw new InvalidOccurredAt(path);
  if (isTooEarly(occurredAt)) throw new OccurredTooEarly(path);
  if (isTooFarInTheFuture(occurredAt, now)) throw new OccurredInTheFuture(path);
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
export const daysBetween = (from: string, to: string): number => Math.floor((Date.parse(to) - Date.parse(from)) / 86_400_000);

/**
 * An instant in UTC (`…Z`). Views keep instants this way so that ordering them as strings is
 * ordering them in time: `occurredAt` keeps the offset the advisor gave (`+01:00`, `Z`, …).
 */
export const toUtc = (instant: string): string => (isCanonicalUtc(instant) ? instant : new Date(Date.parse(instant)).toISOString());

/**
 * Whether `instant` is already what `toISOString` gives for it (`YYYY-MM-DDTHH:mm:ss.sssZ`, a real
 * calendar day and time), so that `toUtc` and `monthOf` can skip parsing and formatting: views
 * call them for every event they fold (a rebuild, millions of times), and most instants are
 * stored in this form. `Date.parse` accepts `2024-02-30` or `24:00` and moves them on, so those
 * take the slow path.
 */
export function isCanonicalUtc(instant: string): boolean {
  if (instant.length !== 24 || instant.charCodeAt(23) !== 90 /* Z */) return false;
  for (const [at, char] of SEPARATORS) if (instant.charCodeAt(at) !== char) return false;
  const month = digitsAt(instant, 5, 7);
  const day = digitsAt(instant, 8, 10);
  return (
    digitsAt(instant, 0, 4) >= 0 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(digitsAt(instant, 0, 4), month) &&
    inRange(digitsAt(instant, 11, 13), 23) &&
    inRange(digitsAt(instant, 14, 16), 59) &&
    inRange(digitsAt(instant, 17, 19), 59) &&
    digitsAt(instant, 20, 23) >= 0
  );
}

/** Where `YYYY-MM-DDTHH:mm:ss.sssZ` has '-', 'T', ':' and '.', as char codes. */
const SEPARATORS: readonly (readonly [number, number])[] = [
  [4, 45],
  [7, 45],
  [10, 84],
  [13, 58],
  [16, 58],
  [19, 46],
];

/** The number the decimal digits from `from` to `to` (exclusive) spell, or -1 if one is not a digit. */
function digitsAt(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

const inRange = (value: number, max: number) => value >= 0 && value <= max;

const daysInMonth = (year: number, month: number): number =>
  month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
