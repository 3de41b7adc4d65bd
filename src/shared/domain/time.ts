import { InvalidOccurredAt, OccurredInTheFuture } from './value.errors.js';

/** How far ahead of the server's clock `occurredAt` may lie (clock skew, not planning). */
export const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

export const isTooFarInTheFuture = (occurredAt: string, now: string): boolean =>
  Date.parse(occurredAt) > Date.parse(now) + FUTURE_TOLERANCE_MS;

/**
 * The rule every command's `occurredAt` obeys: a real instant, at most 5 minutes after `now`.
 * Late registration (any time in the past) is normal and allowed.
 */
export function assertOccurredAt(occurredAt: string, now: string, path = 'occurredAt'): void {
  if (Number.isNaN(Date.parse(occurredAt))) throw new InvalidOccurredAt(path);
  if (isTooFarInTheFuture(occurredAt, now)) throw new OccurredInTheFuture(path);
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
export const toUtc = (instant: string): string => new Date(Date.parse(instant)).toISOString();
