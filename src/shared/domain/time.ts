/** How far ahead of the server's clock `occurredAt` may lie (clock skew, not planning). */
export const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

export const isTooFarInTheFuture = (occurredAt: string, now: string): boolean =>
  Date.parse(occurredAt) > Date.parse(now) + FUTURE_TOLERANCE_MS;

/** Whole days from one instant to another (placement speed). */
export const daysBetween = (from: string, to: string): number =>
  Math.floor((Date.parse(to) - Date.parse(from)) / 86_400_000);
