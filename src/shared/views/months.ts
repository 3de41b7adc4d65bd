import { toUtc } from '../values/time.js';

/** Views count by UTC calendar month of `occurredAt` (the contract). */
export const monthOf = (instant: string): string => toUtc(instant).slice(0, 7);

const DAY_MS = 86_400_000;

export const addDays = (instant: string, days: number): string => new Date(Date.parse(instant) + days * DAY_MS).toISOString();

/** Every month from `from` to `to` inclusive (`YYYY-MM`). */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = from.split('-').map(Number) as [number, number];
  for (let guard = 0; guard < 1200; guard++) {
    // Four-digit years, as `monthOf` gives them (ISO strings): `0999-06`, never `999-06`.
    const current = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
    if (current > to) break;
    months.push(current);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

/**
 * `part / whole` rounded to `decimals`, halves up; 0 when `whole` is 0. Scaled before dividing:
 * `part × 10^decimals` is a whole number, so a quotient ending in exactly 5 is a true half
 * (201 / 200 = 1.005 → 1.01), where `(201 / 200) × 100` would be 100.4999… and round down.
 */
export const ratio = (part: number, whole: number, decimals = 3): number =>
  whole === 0 ? 0 : Math.round((part * 10 ** decimals) / whole) / 10 ** decimals;

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export const increment = (counts: Record<string, number>, key: string, by = 1): void => {
  counts[key] = (counts[key] ?? 0) + by;
};

/** Takes one back; a key with nothing left goes, as if it had never been counted. */
export const decrement = (counts: Record<string, number>, key: string): void => {
  const left = (counts[key] ?? 0) - 1;
  if (left <= 0) delete counts[key];
  else counts[key] = left;
};
