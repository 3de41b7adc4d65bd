import type { Random } from './random.js';

export const DAY_MS = 86_400_000;

/** Relative activity per month, January first: July is holiday, December winds down. */
const SEASON = [1.1, 1.1, 1.1, 1.0, 1.0, 0.9, 0.35, 0.9, 1.15, 1.1, 1.1, 0.7];
const BUSIEST = Math.max(...SEASON);

/**
 * A working moment in [from, to): a weekday, 07:00–15:00 UTC (08–16 Norwegian winter time),
 * months as likely as the season says. Falls back to `from` for an empty range.
 */
export function workingMoment(rnd: Random, from: number, to: number): number {
  if (to <= from) return from;
  for (let attempt = 0; attempt < 50; attempt++) {
    const day = Math.floor((from + rnd() * (to - from)) / DAY_MS) * DAY_MS;
    const date = new Date(day);
    const weekday = date.getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    if (rnd() * BUSIEST > SEASON[date.getUTCMonth()]!) continue;
    const at = day + 7 * 3_600_000 + Math.floor(rnd() * 8 * 3_600_000);
    if (at >= from && at < to) return at;
  }
  return from + Math.floor(rnd() * (to - from));
}

/** Exponentially distributed days with the given mean: most gaps short, a few long. */
export const expDays = (rnd: Random, meanDays: number): number => -Math.log(1 - rnd()) * meanDays * DAY_MS;

export const iso = (ms: number): string => new Date(ms).toISOString();

/** The month's activity against an average month (the seasons above). */
export const seasonOf = (atMs: number): number =>
  (SEASON[new Date(atMs).getUTCMonth()]! * SEASON.length) / SEASON.reduce((a, b) => a + b, 0);

/** The first moment of the next UTC calendar month. */
export const nextMonth = (atMs: number): number => {
  const d = new Date(atMs);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
};
